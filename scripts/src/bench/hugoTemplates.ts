/**
 * The Hugo project of the benchmark's limit (hugoProject.ts writes these files and the content):
 * the same layout parts as the plain Astro baseline (title, description, canonical, hreflang,
 * feed link, navigation, language switch, footer, a small inline stylesheet), a page per document
 * and language, lists of 20 a page per kind, year (/<lang>/archive/<year>/) and topic, home pages
 * with the latest of each kind, RSS with the full text of the latest 50 per language, kind and
 * topic. Kept as strings: Biome would lint Go templates as HTML.
 */
export const hugoFiles: Record<string, string> = {
  'hugo.toml': `baseURL = "http://localhost:4321/"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
paginate = 20
enableRobotsTXT = true
timeZone = "UTC"

[taxonomies]
topic = "topics"
year = "archive"

[outputs]
home = ["html", "rss"]
section = ["html", "rss"]
term = ["html", "rss"]

[outputFormats.RSS]
baseName = "rss"

[languages.en]
contentDir = "content/en"
languageName = "English"
weight = 1

[languages.ru]
contentDir = "content/ru"
languageName = "Русский"
weight = 2
`,
  'layouts/_default/baseof.html': `<!doctype html>
<html lang="{{ .Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }}{{ end }} · Press room</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">{{ end }}
<link rel="alternate" type="application/rss+xml" href="/{{ .Lang }}/rss.xml">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
<style>
body { font: 1.05rem/1.55 Georgia, serif; margin: 0 auto; max-width: 46rem; padding: 1rem; color: #1b1b1b; }
header, footer { display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
nav ul { display: flex; gap: 0.75rem; list-style: none; padding: 0; }
a { color: #0b4f9c; }
time { color: #555; }
ol.documents { list-style: none; padding: 0; }
</style>
</head>
<body>
<header>
<a href="/{{ .Lang }}/">Press room</a>
<nav><ul>{{ range site.Data.nav }}<li><a href="/{{ $.Lang }}/{{ .path }}/">{{ index .title $.Lang }}</a></li>{{ end }}</ul></nav>
{{ range site.Languages }}{{ if ne .Lang $.Lang }}<a href="/{{ .Lang }}/">{{ .LanguageName }}</a>{{ end }}{{ end }}
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>© Press room</p><a href="/{{ .Lang }}/rss.xml">RSS</a></footer>
</body>
</html>
`,
  'layouts/_default/single.html': `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ time.Format ":date_long" .Date }}</time>
{{ with .Description }}<p>{{ . }}</p>{{ end }}
{{ .Content }}
</article>
{{ end }}
`,
  'layouts/_default/list.html': `{{ define "title" }}{{ .Title }}{{ if gt .Paginator.PageNumber 1 }} ({{ .Paginator.PageNumber }}){{ end }}{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ partial "documents.html" .Paginator.Pages }}
{{ with .Paginator }}{{ if gt .TotalPages 1 }}<nav aria-label="Pages">{{ if .HasPrev }}<a rel="prev" href="{{ .Prev.URL }}">←</a>{{ end }}<span>{{ .PageNumber }} / {{ .TotalPages }}</span>{{ if .HasNext }}<a rel="next" href="{{ .Next.URL }}">→</a>{{ end }}</nav>{{ end }}{{ end }}
{{ end }}
`,
  'layouts/index.html': `{{ define "main" }}
{{ range site.Data.kinds }}
<section>
<h2><a href="/{{ $.Lang }}/{{ .path }}/">{{ index .title $.Lang }}</a></h2>
{{ partial "documents.html" (first 5 (where site.RegularPages "Section" .path)) }}
</section>
{{ end }}
{{ end }}
`,
  'layouts/partials/documents.html': `<ol class="documents">
{{ range . }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ time.Format ":date_long" .Date }}</time>{{ with .Description }}<p>{{ . }}</p>{{ end }}</li>{{ end }}
</ol>
`,
  'layouts/_default/rss.xml': `{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>{{ .Title }} · Press room</title>
<link>{{ .Permalink }}</link>
<language>{{ .Lang }}</language>
{{- $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{- range first 50 $pages }}
<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><guid>{{ .Permalink }}</guid><pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" }}</pubDate><description>{{ .Description }}</description><content:encoded>{{ .Content | html }}</content:encoded></item>
{{- end }}
</channel></rss>
`,
}
