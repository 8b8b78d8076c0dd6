import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checksumsTxt, sha256, sha256File } from '../checksums.ts'

describe('checksums', () => {
  it('matches the known SHA-256 of "abc"', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('writes a checksums.txt that GNU sha256sum -c verifies, and that catches a changed file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'checksums-'))
    const files = {
      'GC-ST-2021-001-en.pdf': Buffer.from('%PDF-1.7 an English edition'),
      'GC-ST-2021-001-ru.pdf': Buffer.from('%PDF-1.7 русская версия'),
      'пресс-кит ru.zip': Buffer.from('PK a kit with a Cyrillic name and a space'),
    }
    const entries = []
    for (const [name, data] of Object.entries(files)) {
      writeFileSync(path.join(dir, name), data)
      entries.push({ path: name, sha256: await sha256File(path.join(dir, name)) })
      expect(entries.at(-1)?.sha256).toBe(sha256(data))
    }
    const text = checksumsTxt(entries.reverse())
    expect(text.split('\n')[0]).toMatch(/^[0-9a-f]{64} {2}GC-ST-2021-001-en\.pdf$/)
    writeFileSync(path.join(dir, 'checksums.txt'), text)
    const ok = execFileSync('sha256sum', ['-c', 'checksums.txt'], { cwd: dir, encoding: 'utf8' })
    expect(ok).toContain('пресс-кит ru.zip: OK')

    writeFileSync(path.join(dir, 'GC-ST-2021-001-ru.pdf'), 'tampered')
    const bad = spawnSync('sha256sum', ['-c', 'checksums.txt'], { cwd: dir, encoding: 'utf8' })
    expect(bad.status).not.toBe(0)
    expect(bad.stdout).toContain('GC-ST-2021-001-ru.pdf: FAILED')
  })

  it('gives the same text for the same files in any order, and refuses what sha256sum would misread', () => {
    const a = { path: 'a.pdf', sha256: sha256('a') }
    const b = { path: 'b.zip', sha256: sha256('b') }
    expect(checksumsTxt([b, a])).toBe(checksumsTxt([a, b]))
    expect(() => checksumsTxt([a, a])).toThrow(/twice/)
    expect(() => checksumsTxt([{ path: 'x\ny.pdf', sha256: sha256('x') }])).toThrow(/cannot be listed/)
    expect(() => checksumsTxt([{ path: 'x.pdf', sha256: 'ABC' }])).toThrow(/not a SHA-256/)
  })
})

describe('the editions fingerprint', () => {
  it('is a SHA-256 of the renderer read from its source folder', async () => {
    const { editionsFingerprint } = await import('../fingerprint.ts')
    expect(editionsFingerprint()).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuses to run from a bundle, where it could not see the sources it stands for', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pressroom-fingerprint-'))
    const copy = path.join(folder, 'fingerprint.ts')
    writeFileSync(copy, readFileSync(new URL('../fingerprint.ts', import.meta.url)))
    const bundled = (await import(/* @vite-ignore */ copy)) as typeof import('../fingerprint.ts')
    expect(() => bundled.editionsFingerprint()).toThrow(/not from its source folder/)
  })
})
