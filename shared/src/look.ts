/**
 * The press room's look, shared by the site and the pages the CMS serves to readers (subscription,
 * confirmation, preferences, unsubscribe, acknowledgement): colours, fonts, the header with the
 * site's name and the footer. One text, two readers: the site loads it as a stylesheet of its own
 * (site/src/integrations/frameStylesheet.ts), the CMS writes it into its pages' one `<style>`
 * block, which their Content-Security-Policy allows by hash (cms/src/http/pagePolicy.ts). So a
 * reader who follows a link from an e-mail lands on a page that looks like the site it came from.
 */
export const frameCss = `:root {
  --text: #1d1d1f;
  --muted: #5a5a60;
  --line: #d8d8dc;
  --accent: #1f4e79;
  --notice: #fff7e0;
  --notice-line: #b58a00;
  --page: #ffffff;
  --max: 44rem;
  --serif: Georgia, "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  color-scheme: light;
  font-family: var(--serif);
  line-height: 1.6;
  color: var(--text);
  background: var(--page);
}
body {
  margin: 0;
  font-size: 1.0625rem;
}
a {
  color: var(--accent);
  text-underline-offset: 0.15em;
}
a:focus-visible,
button:focus-visible,
input:focus-visible {
  outline: 3px solid #f0a500;
  outline-offset: 2px;
}
.skip {
  position: absolute;
  left: -999px;
}
.skip:focus {
  left: 1rem;
  top: 1rem;
  background: var(--page);
  padding: 0.5rem;
  z-index: 2;
}
header.site,
footer.site,
main {
  max-width: var(--max);
  margin: 0 auto;
  padding: 0 1rem;
}
header.site {
  border-bottom: 1px solid var(--line);
  padding-top: 1rem;
  padding-bottom: 0.5rem;
}
.brand {
  display: flex;
  flex-wrap: wrap;
  justify-content: space-between;
  align-items: baseline;
  gap: 0.5rem;
}
.brand a.name {
  font-size: 1.25rem;
  font-weight: bold;
  color: var(--text);
  text-decoration: none;
}
.brand .tagline {
  display: block;
  font-size: 0.9rem;
  color: var(--muted);
  font-weight: normal;
}
.inline-list {
  list-style: none;
  padding: 0;
  margin: 0.5rem 0 0;
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem 1rem;
}
footer.site,
.lang-switch,
label,
button,
input,
.muted {
  font-family: var(--sans);
}
h1 {
  font-size: 1.9rem;
  line-height: 1.25;
  margin: 1.5rem 0 0.75rem;
}
h2 {
  font-size: 1.35rem;
  margin-top: 2rem;
}
.muted {
  color: var(--muted);
  font-size: 0.95rem;
}
.notice {
  background: var(--notice);
  border-left: 4px solid var(--notice-line);
  padding: 0.75rem 1rem;
  margin: 1rem 0;
}
fieldset {
  border: 1px solid var(--line);
  margin: 1rem 0;
}
button {
  font-size: 1rem;
  padding: 0.45rem 1rem;
  background: var(--accent);
  color: #fff;
  border: 0;
  border-radius: 3px;
  cursor: pointer;
}
footer.site {
  border-top: 1px solid var(--line);
  margin-top: 3rem;
  padding-top: 1rem;
  padding-bottom: 2rem;
  font-size: 0.9rem;
}
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  padding: 0;
  margin: -1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e8e8ea;
    --muted: #b4b4bb;
    --line: #3a3a40;
    --accent: #8cc1f0;
    --notice: #2e2814;
    --page: #141416;
    color-scheme: dark;
  }
}
`
