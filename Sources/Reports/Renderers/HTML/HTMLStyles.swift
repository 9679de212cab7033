/// The report's only style sheet, inline. System fonts only (nothing to fetch); readable on a
/// phone (tables scroll sideways, charts scale down); a print style that keeps the colours of
/// the charts and does not break a chart or a table row across pages.
enum HTMLStyles {
    static let css: Markup = """
        :root { color-scheme: light; --ink: #1b1b1b; --muted: #555555; --line: #d0d0d0; --accent: #01665e;
          --panel: #f4f6f6; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #ffffff; line-height: 1.5;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
        .page-header, main, .page-footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
        .page-header { padding-top: 1.25rem; }
        h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .25rem; }
        h2 { font-size: 1.35rem; line-height: 1.25; margin: 2.5rem 0 .75rem; padding-top: .5rem;
          border-top: 3px solid var(--accent); }
        h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
        p { margin: .5rem 0; max-width: 48rem; }
        .meta, .note { color: var(--muted); }
        .meta { font-size: .875rem; }
        .toc ol { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; margin: .75rem 0 0; padding: 0; }
        a { color: var(--accent); }
        .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .75rem;
          margin: 1rem 0; padding: 0; }
        .tiles div { border: 1px solid var(--line); border-radius: .5rem; padding: .6rem .8rem; background: var(--panel); }
        .tiles dt { font-size: .8rem; color: var(--muted); }
        .tiles dd { margin: 0; font-size: 1.6rem; font-weight: 700; line-height: 1.3; }
        .tiles dd small { font-size: .85rem; font-weight: 400; color: var(--muted); }
        .findings { padding-left: 1.25rem; max-width: 52rem; }
        .findings li { margin: .45rem 0; }
        figure { margin: 1rem 0 1.5rem; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-size: .9rem; color: var(--muted); margin: .25rem 0; max-width: 48rem; }
        svg.chart { display: block; width: 100%; height: auto; font-family: inherit; }
        svg.chart text { font-size: 12px; fill: var(--ink); }
        svg.chart text.small { font-size: 11px; }
        svg.chart text.value { font-size: 12px; font-weight: 700; }
        svg.chart text.muted { fill: var(--muted); }
        svg.chart text.on-dark { fill: #ffffff; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr)); gap: 0 2rem; }
        .charts figure { margin: .5rem 0 1rem; }
        details { margin: .5rem 0; }
        summary { cursor: pointer; color: var(--accent); }
        .table-scroll { overflow-x: auto; max-width: 100%; margin: .5rem 0 1rem; }
        .table-scroll:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
        table { border-collapse: collapse; font-size: .9rem; min-width: min(100%, 26rem); }
        caption { text-align: left; font-weight: 700; padding: .25rem 0 .4rem; }
        th, td { padding: .3rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #888888; }
        thead th[scope="colgroup"] { text-align: center; border-bottom: 1px solid #888888; }
        tbody th { font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tbody tr:nth-child(even) { background: #f7f7f7; }
        tr.mutual > th { box-shadow: inset 4px 0 0 var(--accent); }
        .person { display: block; overflow-wrap: anywhere; }
        code { overflow-wrap: anywhere; }
        .person .meta { display: block; font-weight: 400; }
        .teach { margin: 0; padding: 0; list-style: none; }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; background: var(--accent); color: #ffffff;
          font-size: .8rem; font-weight: 700; }
        .legend { display: flex; flex-wrap: wrap; gap: .25rem 1.1rem; list-style: none; padding: 0; margin: .5rem 0;
          font-size: .875rem; }
        .swatch { display: inline-block; width: .95rem; height: .95rem; border: 1px solid #777777; margin-right: .35rem;
          vertical-align: -.12rem; }
        .suppressed { color: var(--muted); font-style: italic; }
        .swatch, .tiles div, .badge, svg.chart { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        @media (max-width: 40rem) {
          h1 { font-size: 1.45rem; }
          h2 { font-size: 1.2rem; margin-top: 2rem; }
          .tiles { grid-template-columns: repeat(2, 1fr); }
          .tiles dd { font-size: 1.3rem; }
          th, td { padding: .25rem .4rem; }
        }
        @page { margin: 14mm 12mm; }
        @media print {
          body { font-size: 10pt; }
          .toc { display: none; }
          .page-header, main, .page-footer { max-width: none; padding: 0; }
          h2 { break-after: avoid; page-break-after: avoid; }
          h3 { break-after: avoid; page-break-after: avoid; }
          figure, svg.chart, table, tr, .tiles { break-inside: avoid; page-break-inside: avoid; }
          caption { break-after: avoid; page-break-after: avoid; }
          thead { display: table-header-group; }
          details:not([open]) { display: none; }
          .table-scroll { overflow: visible; }
          tbody tr:nth-child(even) { background: none; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
