/// The console's stylesheet. Colours keep a contrast of at least 4.5:1 against their
/// background (WCAG AA); state is never shown by colour alone (stale rows also say "Stale").
enum ConsoleStylesheet {
    /// The CSS.
    static let text = #"""
        :root {
          --ink: #1b1f24; --muted: #4a5360; --paper: #ffffff; --panel: #f4f6f8; --line: #c9d1da;
          --accent: #0b5cad; --accent-ink: #ffffff; --stale: #8a1c1c; --stale-bg: #fde8e8;
          --fresh: #1d5e2b; --fresh-bg: #e3f4e6; --focus: #f2a900;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
          color: var(--ink); background: var(--paper); line-height: 1.45;
        }
        * { box-sizing: border-box; }
        body { margin: 0; }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible,
        main:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: var(--accent); color: var(--accent-ink); padding: .5rem 1rem; }
        .skip:focus { left: 0; z-index: 10; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem; padding: .6rem 1.5rem;
          background: var(--ink); color: #fff; }
        header.top .brand { color: #fff; font-weight: 700; font-size: 1.15rem; text-decoration: none; }
        header.top .project { color: #d5dbe2; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        header.top nav ul { display: flex; flex-wrap: wrap; gap: .25rem; list-style: none; margin: 0; padding: 0; }
        header.top nav a { color: #fff; text-decoration: none; padding: .35rem .7rem; border-radius: 4px; display: inline-block; }
        header.top nav a:hover { background: #39424d; }
        header.top nav a[aria-current="page"] { background: var(--accent); }
        main { max-width: 78rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.6rem; margin: .6rem 0 1rem; word-break: break-word; }
        h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; }
        code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .92em; }
        pre { background: var(--panel); border: 1px solid var(--line); padding: .75rem; overflow: auto; max-height: 24rem;
          white-space: pre-wrap; overflow-wrap: anywhere; }
        .hint { color: var(--muted); font-size: .92rem; margin: .25rem 0 .75rem; }
        dl.properties { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.25rem; margin: 0 0 1rem; }
        dl.properties dt { font-weight: 600; color: var(--muted); }
        dl.properties dd { margin: 0; }
        ul.counts { display: flex; flex-wrap: wrap; gap: .75rem; list-style: none; padding: 0; margin: 1rem 0; }
        ul.counts a { display: block; padding: .6rem 1rem; border: 1px solid var(--line); border-radius: 6px;
          background: var(--panel); text-decoration: none; color: var(--ink); min-width: 9rem; }
        ul.counts .count { display: block; font-size: 1.6rem; font-weight: 700; color: var(--accent); }
        ul.tags { display: flex; flex-wrap: wrap; gap: .3rem; list-style: none; margin: 0; padding: 0; }
        li.tag { background: var(--panel); border: 1px solid var(--line); border-radius: 3px; padding: 0 .4rem;
          font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; margin: .25rem 0 1rem; }
        caption { text-align: left; font-weight: 600; padding: .3rem 0; }
        th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        thead th { background: var(--panel); border-bottom: 2px solid var(--line); }
        tbody th { font-weight: 600; }
        tr.stale { background: var(--stale-bg); }
        tr.stale th, tr.stale td { color: var(--stale); }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: 3px; border: 1px solid var(--line); font-size: .85rem; }
        .badge.stale { background: var(--stale); color: #fff; border-color: var(--stale); font-weight: 700; }
        .badge.fresh { background: var(--fresh-bg); color: var(--fresh); border-color: var(--fresh); }
        .badge.muted { color: var(--muted); }
        .status.present { color: var(--fresh); }
        .status.not_found, .status.outside_max_age { color: var(--stale); font-weight: 600; }
        .status.null_value { color: var(--muted); }
        form.search { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; margin: 0 0 .5rem; }
        input, select, button { font: inherit; padding: .35rem .5rem; border: 1px solid #6b7684; border-radius: 4px;
          background: #fff; color: var(--ink); }
        input[type="search"], .field input, .field select { min-width: 18rem; max-width: 100%; }
        button { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); cursor: pointer; }
        fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; padding: .5rem 1rem 1rem; }
        legend { font-weight: 600; padding: 0 .3rem; }
        .field { display: flex; flex-direction: column; gap: .2rem; margin: .5rem 0; }
        .field.check { flex-direction: row; align-items: center; gap: .5rem; }
        .field.check input { min-width: 0; width: auto; }
        .field input, .field select { max-width: 40rem; }
        .field .type { color: var(--muted); font-weight: 400; font-size: .85rem; }
        label { font-weight: 600; }
        .error { background: var(--stale-bg); color: var(--stale); border: 1px solid var(--stale); padding: .6rem .8rem; border-radius: 4px; }
        figure.lineage { margin: .5rem 0 1rem; overflow-x: auto; }
        figure.lineage svg { display: block; max-width: none; }
        figure.lineage .edge { fill: none; stroke: #6b7684; stroke-width: 1.5; }
        figure.lineage marker path { fill: #6b7684; }
        figure.lineage rect { stroke-width: 1.5; }
        figure.lineage text { font-size: 13px; fill: var(--ink); font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        figure.lineage .sources rect { fill: #eef3fb; stroke: #0b5cad; }
        figure.lineage .feature-views rect { fill: #eef7ef; stroke: #1d5e2b; }
        figure.lineage .feature-services rect { fill: #f7f0fb; stroke: #6b2d8c; }
        figure.lineage .focus rect { stroke-width: 3.5; }
        figure.lineage a:focus rect, figure.lineage a:hover rect { stroke: var(--focus); stroke-width: 3.5; }
        figure.lineage figcaption { font-size: .9rem; color: var(--muted); }
        form.login { max-width: 28rem; }
        """#
}
