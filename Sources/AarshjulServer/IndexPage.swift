import AarshjulCore

/// Where the index page's subscribe links point.
public enum LinkBase: Sendable, Equatable {
    /// An absolute site: "host[:port]" (from the request's Host header or the
    /// configuration); links are `webcal://host/…` and `https://host/…`.
    case host(String)
    /// No known host (a static tree published without a site URL): relative
    /// links only, no webcal links.
    case relative

    /// A Host header value is used only if it looks like a host name or
    /// address with an optional port; anything else could inject markup or
    /// send subscribers elsewhere, so it falls back to `fallback`.
    public static func fromHostHeader(_ value: String?, fallback: String) -> LinkBase {
        guard let value, !value.isEmpty, value.utf8.count <= 255,
              value.utf8.allSatisfy({ byte in
                  (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                      || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
                      || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
              }) else { return .host(fallback) }
        return .host(value)
    }
}

/// The page at `/`: public feeds per municipality with subscribe links, and
/// each municipality's year as an annual wheel. Confidential feeds are never
/// listed. Bokmål by default, English on request.
public enum IndexPage {
    public static func html(catalog: FeedCatalog, links: LinkBase, language: PlanLanguage) -> String {
        let w = PageWords(language)
        var out = "<!DOCTYPE html>\n<html lang=\"\(language == .english ? "en" : "nb")\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(e(w.title))</title>\n<style>\(style)</style>\n</head>\n<body>\n"
        out += "<header><h1>\(e(w.title))</h1><p>\(e(w.intro))</p>"
        out += "<p class=\"lang\"><a href=\"\(language == .english ? "?lang=nb" : "?lang=en")\">\(e(w.otherLanguage))</a></p></header>\n"
        let listed = catalog.municipalities.filter { m in catalog.feeds.contains { $0.municipalityID == m.id && $0.isPublic && $0.kind != .page } }
        if listed.isEmpty { out += "<p class=\"empty\">\(e(w.noFeeds))</p>\n" }
        for municipality in listed {
            out += "<section class=\"municipality\" id=\"\(e("m-" + municipality.id))\">\n<h2>\(e(municipality.name))</h2>\n"
            out += "<ul class=\"feeds\">\n"
            for feed in catalog.feeds(of: municipality.id) where feed.isPublic && feed.kind != .page {
                out += "<li class=\"feed\"><span class=\"feed-title\">\(e(feed.title))</span> <span class=\"kind\">(\(e(w.kind(feed.kind))))</span> "
                switch links {
                case .host(let host):
                    out += "<a class=\"webcal\" href=\"\(e("webcal://\(host)\(feed.urlPath)"))\">\(e(w.subscribe))</a> "
                    out += "<a class=\"https\" href=\"\(e("https://\(host)\(feed.urlPath)"))\">\(e("https://\(host)\(feed.urlPath)"))</a>"
                case .relative:
                    out += "<a class=\"https\" href=\"\(e(feed.path))\">\(e(feed.path))</a>"
                }
                out += "</li>\n"
            }
            out += "</ul>\n"
            if let plan = municipality.plan {
                for year in plan.years {
                    out += "<figure class=\"wheel\">\n" + inlineSVG(AnnualWheel.svg(for: plan, language: language, year: year))
                    out += "<figcaption>\(e("\(w.wheel) \(year)"))</figcaption></figure>\n"
                }
            }
            out += "</section>\n"
        }
        out += "<footer><p>\(e(w.howTo))</p></footer>\n</body>\n</html>\n"
        return out
    }

    /// The SVG document without its XML declaration, to sit inside HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") else { return svg }
        return String(svg[svg.index(after: end)...])
    }

    private static func e(_ s: String) -> String { XMLText.escape(s) }

    static let style = "body{font-family:system-ui,sans-serif;max-width:72rem;margin:1rem auto;padding:0 1rem;color:#1f2a36}"
        + "li.feed{margin:.3rem 0}a.webcal{font-weight:bold;margin-right:.5rem}.kind{color:#52606d}"
        + "figure.wheel svg{max-width:100%;height:auto}"
}

struct PageWords {
    let language: PlanLanguage
    init(_ language: PlanLanguage) { self.language = language }
    private var en: Bool { language == .english }

    var title: String { en ? "Meeting calendars" : "Møtekalendere" }
    var intro: String {
        en ? "Subscribe to a calendar to get the meetings in Outlook, Google, Apple Calendar or Thunderbird. Changes come through automatically."
            : "Abonner på en kalender for å få møtene i Outlook, Google, Apple Kalender eller Thunderbird. Endringer kommer automatisk."
    }
    var otherLanguage: String { en ? "Norsk (bokmål)" : "English" }
    var noFeeds: String { en ? "No calendars are published yet." : "Ingen kalendere er publisert ennå." }
    var subscribe: String { en ? "Subscribe" : "Abonner" }
    var wheel: String { en ? "Annual wheel" : "Årshjul" }
    var howTo: String {
        en ? "“Subscribe” opens your calendar app. Or paste the https address into your calendar app's “Add from URL”."
            : "«Abonner» åpner kalenderprogrammet ditt. Du kan også lime inn https-adressen under «legg til fra URL» i kalenderen."
    }

    func kind(_ kind: FeedKind) -> String {
        switch kind {
        case .municipality: return en ? "all meetings" : "alle møter"
        case .series: return en ? "meeting series" : "møteserie"
        case .person: return en ? "person" : "person"
        case .role: return en ? "role" : "rolle"
        case .page: return en ? "page" : "side"
        }
    }
}
