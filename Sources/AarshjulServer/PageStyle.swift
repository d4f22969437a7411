/// The index pages' style sheet: one column on a phone, address fields that
/// wrap instead of running off the screen; printed, no buttons, and a
/// municipality's year (its all-meetings address, wheel and legend) on one A4 page.
enum PageStyle {
    static let css = [
        "*{box-sizing:border-box}[hidden]{display:none!important}",
        "body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:.75rem 1rem;color:#1f2a36;line-height:1.4}",
        "h1{font-size:1.6rem;margin:.4rem 0}h2{font-size:1.25rem;margin:1rem 0 .4rem}",
        "a{color:#0b5394}nav{margin:.25rem 0}.lang{margin:.25rem 0}",
        "ul.municipalities,ul.feeds{list-style:none;padding:0;margin:0}",
        "li.municipality{border-top:1px solid #d5dbe2;padding:.25rem 0 .5rem}",
        "li.feed{display:flex;flex-wrap:wrap;align-items:center;gap:.35rem .6rem;padding:.5rem 0;border-bottom:1px solid #eef2f7}",
        ".feed-title{font-weight:600}.kind{color:#52606d;font-size:.9rem}",
        ".actions{display:flex;flex-wrap:wrap;gap:.4rem;width:100%}",
        ".button{display:inline-block;padding:.45rem .8rem;border-radius:.4rem;border:1px solid #0b5394;background:#0b5394;color:#fff;",
        "text-decoration:none;font:inherit;font-size:.95rem;cursor:pointer;white-space:nowrap}",
        ".button.copy{background:#fff;color:#0b5394}",
        "label.address{flex:1 1 14rem;min-width:0}",
        "input.copy-source{width:100%;padding:.4rem;font:inherit;font-size:.85rem;border:1px solid #9aa5b1;border-radius:.3rem;color:#1f2a36;background:#f7f9fb}",
        ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
        "figure.wheel{margin:.5rem auto;max-width:40rem}figure.wheel svg{width:100%;height:auto;display:block}",
        "table.legend{border-collapse:collapse;width:100%;font-size:.95rem}",
        "table.legend th,table.legend td{text-align:left;vertical-align:top;padding:.3rem .4rem;border-bottom:1px solid #eef2f7}",
        "table.legend thead th{font-size:.85rem;color:#52606d}td.swatch{width:1.6rem}td.swatch svg{width:1.1rem;height:1.1rem}",
        ".key{font-size:.9rem;color:#3d4852}",
        ".key span{display:inline-block;width:.9rem;height:.9rem;vertical-align:-.1rem;margin:0 .3rem 0 .6rem}",
        ".closed-key{background:rgba(154,165,177,.35)}.school-key{background:#7b8794}.today-key{background:#b00020;width:.25rem!important}",
        "footer{margin-top:1.5rem;color:#52606d;font-size:.9rem}",
        "@media (min-width:40rem){.actions{width:auto;flex:1 1 20rem;justify-content:flex-end}}",
        // A narrow screen: the dates go under the series' name instead of a thin column.
        "@media screen and (max-width:34rem){table.legend thead{display:none}table.legend tr{display:grid;grid-template-columns:1.6rem 1fr;border-bottom:1px solid #eef2f7}",
        "table.legend th,table.legend td{border:none}table.legend tr>td:last-child{grid-column:2;padding-top:0}}",
        // Print: A4, addresses as text, one year of one municipality a page.
        "@media print{@page{size:A4;margin:12mm}body{max-width:none;padding:0;font-size:10pt}",
        "nav,.lang,.button,footer,header p{display:none!important}",
        "li.feed{padding:.1rem 0;break-inside:avoid}input.copy-source{border:none;background:none;padding:0;font-size:8.5pt}",
        "section.year{break-inside:avoid}section.year+section.year{break-before:page}section.year h2{break-after:avoid;margin-top:.3rem}",
        // On paper one address (all meetings) is enough; the series' addresses are for screens.
        "section.series{display:none}",
        "figure.wheel{max-width:12cm}table.legend{font-size:8.5pt}table.legend th,table.legend td{padding:.1rem .3rem}",
        "li.municipality{break-inside:avoid}}",
    ].joined()
}
