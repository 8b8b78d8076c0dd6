import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keepLinks, takeCarriedLinks } from '../integrations/carriedPageLinks.ts'

let dir: string
let cacheDir: URL
const manifest = () => path.join(dir, 'incremental-build.json')
const links = { canonical: 'http://localhost:4321/en/', alternates: [], noindex: false }

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-carried-links-'))
  cacheDir = pathToFileURL(`${dir}/`)
  writeFileSync(manifest(), '{}')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the page links an incremental build carries over (docs/adr/0051)', () => {
  it('gives a build the links the last finished build kept, and takes them away until this one finishes', () => {
    keepLinks(cacheDir, new Map([['en/', links]]))
    expect(takeCarriedLinks(cacheDir)).toEqual(new Map([['en/', links]]))
    expect(existsSync(manifest()), "Astro's manifest is kept: its pages' links are known").toBe(true)
    // The build failed before keeping its links: the next one cannot know the copied pages' links.
    expect(takeCarriedLinks(cacheDir)).toEqual(new Map())
    expect(existsSync(manifest()), "Astro's manifest is dropped, so every page renders").toBe(false)
  })

  it('drops the manifest when the links file cannot be read', () => {
    writeFileSync(path.join(dir, 'pressroom-page-links.json'), '{ half a file')
    expect(takeCarriedLinks(cacheDir)).toEqual(new Map())
    expect(existsSync(manifest())).toBe(false)
  })
})
