/**
 * The report's only stylesheet, inlined in <style>. System fonts only (no web fonts: the file must
 * open offline); verdicts carry words and borders as well as colours.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1360px; padding: 16px 24px 48px; color: var(--ink); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 4px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
h2 code { font-size: inherit; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
pre { background: #f5f5f5; border: 1px solid var(--rule); padding: 10px 12px; overflow-x: auto; }
.banner { border: 2px solid; border-left-width: 12px; padding: 12px 16px; margin: 8px 0 16px; }
.banner-pass { background: #e9f5ec; border-color: #1e7b34; }
.banner-regression { background: #fdecee; border-color: #b00020; }
.banner-no-baseline { background: #eef2f7; border-color: #4a5a70; }
.banner-inconclusive { background: #fff6e0; border-color: #8a5a00; }
.banner .word { font-weight: 800; letter-spacing: 0.04em; }
.muted, .settings, figcaption { color: var(--muted); }
.charts { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: flex-start; }
figure { margin: 8px 0; max-width: 660px; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 12px; margin-top: 2px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--rule); padding: 3px 10px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
table.figures td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.figures td:last-child { text-align: left; }
.verdict-regression { font-weight: 800; color: #b00020; border-left: 4px solid #b00020; padding-left: 4px; }
.verdict-improvement { font-weight: 800; color: #0b5394; border-left: 4px double #0b5394; padding-left: 4px; }
.verdict-inconclusive { font-style: italic; }
table.environment td { overflow-wrap: anywhere; }
table.environment th, table.environment td:last-child { white-space: nowrap; overflow-wrap: normal; }
tr.differs th, tr.differs td { background: #fff4d6; }
ul.reasons { padding-left: 20px; }
`;

/** What the fleet report adds to REPORT_CSS: its ranking rows and heatmaps (a second inline <style>). */
export const FLEET_CSS = `
div.table-scroll { overflow-x: auto; }
table.ranking th, table.ranking td { white-space: nowrap; }
table.ranking th[scope="colgroup"] { text-align: center; border-bottom: 1px solid var(--rule); }
table.ranking tr.named th, table.ranking tr.named td { background: #f3e8f7; }
table.ranking tr.named th { border-left: 4px solid #6a1b9a; font-weight: 800; }
figure.heatmap { max-width: 100%; }
h3 { font-size: 15px; margin: 16px 0 4px; }
`;
