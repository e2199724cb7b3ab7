/// The style sheet every HTML report carries inline: system fonts only, eight marking-point colours each
/// paired with an underline pattern and a number label (colour is never the only signal), tooltips on hover
/// and focus without script, and print styles.
enum HTMLStyle {
    static let css = """
        :root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--paper:#fff;--wash:#f5f7fa;--accent:#243b53;
        --c0:#1d4ed8;--b0:#dbeafe;--c1:#b45309;--b1:#fde8cc;--c2:#15803d;--b2:#dcfce7;--c3:#7e22ce;--b3:#f3e8ff;
        --c4:#0f766e;--b4:#ccfbf1;--c5:#be185d;--b5:#fce7f3;--c6:#4d7c0f;--b6:#ecfccb;--c7:#475569;--b7:#e2e8f0;
        --bad:#b91c1c;--good:#15803d;--warn:#a16207}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:var(--wash);color:var(--ink);font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
        a{color:var(--c0)}
        a:focus-visible,[tabindex]:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
        .page{max-width:76rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
        .report+.report{margin-top:3rem;border-top:4px solid var(--line);padding-top:2rem}
        header.head{background:var(--accent);color:#fff;border-radius:12px;padding:1.25rem 1.5rem;display:grid;grid-template-columns:1fr auto;gap:1rem 2rem;align-items:center}
        .eyebrow{margin:0;font-size:.8rem;letter-spacing:.08em;text-transform:uppercase;opacity:.8}
        header.head h1{margin:.15rem 0 .25rem;font-size:1.6rem;line-height:1.25}
        .meta{margin:0;opacity:.9;font-size:.95rem}
        .meta code{font-size:.9em;background:rgba(255,255,255,.12);padding:0 .3em;border-radius:4px;word-break:break-all}
        .score{display:flex;flex-wrap:wrap;gap:1rem;align-items:stretch}
        header.head>div{min-width:0}
        .tile{margin:0;background:#fff;color:var(--ink);border-radius:10px;padding:.6rem 1rem;min-width:8.5rem;text-align:center}
        .tile .big{display:block;font-size:1.9rem;font-weight:700;line-height:1.1}
        .tile .big small{font-size:1rem;font-weight:600;color:var(--muted)}
        .tile .sub{display:block;font-size:.85rem;color:var(--muted)}
        .band{font-weight:700;color:var(--accent)}
        .disclaimer{grid-column:1/-1;margin:0;padding:.5rem .75rem;background:rgba(255,255,255,.12);border-radius:8px;font-size:.92rem}
        .notes{margin:1rem 0 0;padding:.6rem .9rem;background:#fffbeb;border:1px solid #fcd34d;border-radius:8px}
        .layout{display:grid;grid-template-columns:minmax(0,1fr) 21rem;grid-template-areas:"answer aside";gap:1.5rem;margin-top:1.5rem;align-items:start}
        .answer-card{grid-area:answer}aside{grid-area:aside}
        .card{background:var(--paper);border:1px solid var(--line);border-radius:12px;padding:1.25rem 1.5rem}
        h2{font-size:1.25rem;margin:0 0 .75rem;color:var(--accent)}
        .answer{font-family:Georgia,"Iowan Old Style","Palatino Linotype","DejaVu Serif",serif;font-size:1.02rem;line-height:1.85}
        .answer p,.answer li{margin:0 0 .9rem;max-width:46rem}
        .answer .answer-heading{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--accent);margin:1.4rem 0 .5rem;line-height:1.3}
        .answer h3.answer-heading{font-size:1.3rem}.answer h4.answer-heading{font-size:1.1rem}.answer h5.answer-heading,.answer h6.answer-heading{font-size:1rem}
        .answer .table-row{margin:0;padding:.2rem .6rem;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;font-size:.92rem;background:var(--wash);border:1px solid var(--line);border-top:0}
        .answer :not(.table-row)+.table-row{border-top:1px solid var(--line);border-radius:6px 6px 0 0;margin-top:.4rem;font-weight:600}
        .answer .table-row:has(+:not(.table-row)){border-radius:0 0 6px 6px;margin-bottom:.9rem}
        .answer .table-row .sep{color:#9aa5b1;padding:0 .3rem}
        .answer .refs{font-size:.9rem;color:var(--muted)}
        .hint{font-size:.88rem;color:var(--muted);margin:-.25rem 0 1rem}
        mark,.misc,.weak{position:relative}
        mark.ev{color:inherit;padding:.05em .1em;border-radius:3px;border-bottom:2px solid;-webkit-box-decoration-break:clone;box-decoration-break:clone}
        .c0{--c:var(--c0);--b:var(--b0)}.c1{--c:var(--c1);--b:var(--b1)}.c2{--c:var(--c2);--b:var(--b2)}.c3{--c:var(--c3);--b:var(--b3)}
        .c4{--c:var(--c4);--b:var(--b4)}.c5{--c:var(--c5);--b:var(--b5)}.c6{--c:var(--c6);--b:var(--b6)}.c7{--c:var(--c7);--b:var(--b7)}
        mark.ev{background:var(--b);border-bottom-color:var(--c)}
        mark.s1{border-bottom-style:dashed}mark.s2{border-bottom-style:dotted;border-bottom-width:3px}mark.s3{border-bottom-style:double;border-bottom-width:4px}
        .chip{display:inline-block;min-width:1.35em;padding:0 .3em;margin-right:.2em;border-radius:999px;background:var(--c);color:#fff;font:700 .68rem/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;text-align:center;vertical-align:.15em}
        .chip-misc{background:var(--bad)}.chip-weak{background:#fff;color:var(--muted);border:1px dashed var(--muted)}
        .misc{text-decoration:underline wavy var(--bad);text-decoration-thickness:1.5px;text-underline-offset:.28em}
        .weak{outline:1.5px dashed #7b8794;outline-offset:1px;border-radius:2px}
        .tip{display:none;position:absolute;left:0;top:calc(100% + 6px);z-index:5;width:max-content;max-width:min(22rem,80vw);padding:.5rem .7rem;border-radius:8px;background:#102a43;color:#fff;font:400 .82rem/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;box-shadow:0 6px 18px rgba(16,42,67,.3);text-decoration:none;white-space:normal}
        mark:hover>.tip,mark:focus>.tip,.misc:hover>.tip,.misc:focus>.tip,.weak:hover>.tip,.weak:focus>.tip{display:block}
        :target{outline:3px solid #f59e0b;outline-offset:2px}
        aside{position:sticky;top:1rem;display:flex;flex-direction:column;gap:1rem;max-height:calc(100vh - 2rem);overflow:auto}
        .legend ol{list-style:none;margin:0;padding:0}
        .legend li{display:grid;grid-template-columns:auto 1fr auto;gap:.5rem;align-items:start;padding:.45rem 0;border-top:1px solid var(--line);font-size:.9rem;line-height:1.35}
        .legend li:first-child{border-top:0}
        .legend .swatch{width:1.9rem;height:1.4rem;border-radius:4px;background:var(--b);border-bottom:3px solid var(--c);display:flex;align-items:center;justify-content:center}
        .legend .swatch.s1{border-bottom-style:dashed}.legend .swatch.s2{border-bottom-style:dotted}.legend .swatch.s3{border-bottom-style:double;border-bottom-width:4px}
        .legend .swatch .chip{margin:0}
        .legend a{color:inherit;text-decoration:none}.legend a:hover{text-decoration:underline}
        .legend .lvl{display:block;color:var(--muted);font-size:.8rem}
        .legend .pts{font-weight:700;white-space:nowrap}
        .keys{margin:.75rem 0 0;padding:.6rem 0 0;border-top:1px solid var(--line);font-size:.85rem;color:var(--muted)}
        .keys span.k{display:inline-block;margin-right:.4rem}
        .bar{height:.45rem;background:var(--line);border-radius:999px;overflow:hidden;margin-top:.3rem}
        .bar i{display:block;height:100%;background:var(--c,var(--accent));border-radius:999px}
        .steps ol{margin:0;padding-left:1.2rem}.steps li{margin:.35rem 0;font-size:.92rem;line-height:1.45}
        .gain{display:inline-block;background:#dcfce7;color:#14532d;font-weight:700;border-radius:6px;padding:0 .35em;margin-right:.25em;font-size:.85rem}
        section.block{margin-top:2rem}
        .points{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:1rem}
        .point{border-top:6px solid var(--c)}
        .point h3{display:flex;gap:.6rem;align-items:baseline;margin:0;font-size:1.05rem;line-height:1.35}
        .point h3 .chip{font-size:.8rem;flex:none}
        .point h3 .of{margin-left:auto;white-space:nowrap;font-size:1.1rem}
        .status{margin:.35rem 0 .5rem;font-size:.88rem}
        .pill{display:inline-block;border-radius:999px;padding:0 .55em;font-weight:700;font-size:.8rem}
        .pill.met{background:#dcfce7;color:#14532d}.pill.partial{background:#fef3c7;color:#78350f}.pill.missing{background:#fee2e2;color:#7f1d1d}
        .ladder{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;margin:.5rem 0;padding:0;font-size:.78rem}
        .ladder li{border:1px solid var(--line);border-radius:6px;padding:.05rem .45rem;color:var(--muted)}
        .ladder li.reached{background:var(--b);border-color:var(--c);color:var(--ink)}
        .ladder li.now{font-weight:700;border-width:2px}
        .examiner{margin:.5rem 0;font-size:.88rem;color:var(--muted);font-style:italic}
        .point h4{margin:.9rem 0 .3rem;font-size:.85rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
        .evidence{list-style:none;margin:0;padding:0;font-size:.9rem}
        .evidence li{margin:.3rem 0;padding-left:.7rem;border-left:3px solid var(--b)}
        .evidence .where{font-weight:600;white-space:nowrap}
        .evidence q{color:var(--muted)}
        .next{margin:.3rem 0 0;font-size:.92rem;background:var(--wash);border-radius:8px;padding:.5rem .7rem}
        .twocol{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
        .mlist{list-style:none;margin:0;padding:0}
        .mlist li{margin:0 0 .8rem;padding:.6rem .8rem;border-radius:8px;background:#fef2f2;border-left:4px solid var(--bad)}
        .mlist li.ok{background:#f0fdf4;border-left-color:var(--good)}
        .mlist li.wk{background:var(--wash);border-left:4px dashed #7b8794}
        .mlist .fix{display:block;margin-top:.25rem}
        .tips li{margin:.3rem 0}
        table.cmp{width:100%;border-collapse:collapse;font-size:.95rem}
        table.cmp th,table.cmp td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
        table.cmp td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
        .up{color:var(--good);font-weight:700}.down{color:var(--bad);font-weight:700}.same{color:var(--muted)}
        .gained{color:var(--good)}.lost{color:var(--bad)}
        footer{margin-top:2rem;font-size:.8rem;color:var(--muted);text-align:center}
        @media (max-width:62rem){.layout{grid-template-columns:1fr;grid-template-areas:"aside" "answer"}aside{position:static;max-height:none}.twocol{grid-template-columns:1fr}header.head{grid-template-columns:1fr;padding:1rem}.tile{min-width:6rem;flex:1 1 auto}.tile .big{font-size:1.5rem}.page{padding:1rem .6rem 2rem}.card{padding:1rem}.points{grid-template-columns:1fr}}
        @media print{
        @page{size:A4;margin:16mm 14mm}
        body{background:#fff;font-size:10.5pt}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        .page{max-width:none;padding:0}
        header.head{background:#fff;color:var(--ink);border:2px solid var(--accent);break-inside:avoid;grid-template-columns:1fr;gap:.6rem;padding:.8rem 1rem}
        header.head h1{font-size:1.35rem}
        .tile{min-width:6.5rem;padding:.4rem .6rem;flex:0 0 auto}.tile .big{font-size:1.5rem}
        .disclaimer,.meta code{background:var(--wash)}
        .tile{border:1px solid var(--line)}
        .layout{display:block}
        aside{position:static;max-height:none;overflow:visible;display:block}aside>.card{margin-bottom:.8rem}
        .legend li{padding:.2rem 0}.legend .bar{display:none}
        .card{border-color:#bcccdc;padding:.8rem 1rem;break-inside:auto}
        .legend{break-inside:avoid}
        .points{display:block}.point{break-inside:auto;margin-bottom:.8rem}.point h3,.point h4,.ladder,.status{break-after:avoid}.evidence li{break-inside:avoid}
        .twocol{display:block}
        .tip,.skip{display:none!important}
        a{color:inherit;text-decoration:none}
        .answer{font-size:10.5pt;line-height:1.65}
        .answer p,.answer li{max-width:none}
        h2,h3,.answer-heading{break-after:avoid}
        :target{outline:0}
        footer{display:none}
        }
        """
}
