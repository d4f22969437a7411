import AarshjulCore

/// Where the index page's subscribe links point.
public enum LinkBase: Sendable, Equatable, Hashable {
    /// An absolute site: "host[:port]" and whether it is served over TLS;
    /// links are `webcal://host/…` and `https://host/…` (or `http://`).
    case host(String, secure: Bool = true)
    /// No known host (a static tree published without a site URL): relative
    /// links only, no webcal links.
    case relative

    /// A Host header value is used only if it looks like a host name or
    /// address with an optional port; anything else could inject markup or
    /// send subscribers elsewhere, so it falls back to `fallback`.
    public static func fromHostHeader(_ value: String?, fallback: String, secure: Bool = true) -> LinkBase {
        guard let value, isPlainAuthority(value) else { return .host(fallback, secure: secure) }
        return .host(value, secure: secure)
    }

    /// `host[:port]` of letters, digits, `.`, `-`, `:` and `[ ]` (IPv6), at most 255 bytes.
    public static func isPlainAuthority(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.count <= 255
            && value.utf8.allSatisfy { byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
                    || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            }
    }
}

/// How the page links to itself in the other language: the server reads
/// `?lang=`, a static site has one file per language.
public enum LanguageLinks: Sendable, Equatable {
    case query
    /// `index.html` (bokmål) and `index.en.html`.
    case files

    func href(to language: PlanLanguage) -> String {
        switch self {
        case .query: return language == .english ? "?lang=en" : "?lang=nb"
        case .files: return language == .english ? "index.en.html" : "index.html"
        }
    }
}

/// The pages people read: an overview at `/` listing every municipality
/// with its all-meetings calendar, and one page per municipality at
/// `/<municipality>/` with a subscribe button and a copyable address for
/// each public calendar and the year as an annual wheel with its legend.
/// Readable on a phone; printed, a municipality's page is one A4 page per
/// year. Confidential feeds, attendees, agendas and deadlines are never shown.
///
/// Rendering is a pure function of the catalog, language, link base and
/// today's date (the "today" mark on the wheel).
public enum IndexPage {
    /// The overview.
    public static func html(catalog: FeedCatalog, links: LinkBase, language: PlanLanguage, today: CivilDate? = nil,
                            languageLinks: LanguageLinks = .query) -> String {
        let w = PageWords(language)
        var out = head(title: w.title, language: language, links: links, depth: 0)
        out += "<header><h1>\(e(w.title))</h1><p>\(e(w.intro))</p>\(languageLink(language, languageLinks))</header>\n<main>\n"
        let listed = listedMunicipalities(catalog)
        if listed.isEmpty { out += "<p class=\"empty\">\(e(w.noFeeds))</p>\n" }
        out += "<ul class=\"municipalities\">\n"
        for municipality in listed {
            let page = municipalityHref(municipality.id, links: links, language: language, depth: 0)
            out += "<li class=\"municipality\" id=\"\(e("m-" + municipality.id))\">\n"
            out += "<h2><a href=\"\(e(page))\">\(e(municipality.name))</a></h2>\n"
            let feeds = publicFeeds(catalog, municipality.id)
            if let all = feeds.first(where: { $0.kind == .municipality }) {
                out += "<ul class=\"feeds\">\n" + feedItem(all, links: links, w: w, depth: 0, plan: municipality.plan) + "</ul>\n"
            }
            let seriesCount = feeds.filter { $0.kind != .municipality }.count
            out += "<p class=\"more\"><a href=\"\(e(page))\">\(e(w.morePage(seriesCount)))</a></p>\n"
            out += "</li>\n"
        }
        out += "</ul>\n</main>\n"
        out += "<footer><p>\(e(w.howTo))</p></footer>\n" + script + "</body>\n</html>\n"
        return out
    }

    /// One municipality's page; nil when it has no public calendar.
    public static func municipalityHTML(catalog: FeedCatalog, municipalityID: String, links: LinkBase, language: PlanLanguage,
                                        today: CivilDate? = nil, languageLinks: LanguageLinks = .query) -> String? {
        guard let municipality = listedMunicipalities(catalog).first(where: { $0.id == municipalityID }) else { return nil }
        let w = PageWords(language)
        var out = head(title: "\(municipality.name) – \(w.title)", language: language, links: links, depth: 1)
        out += "<nav><a href=\"\(e(overviewHref(links: links, language: language, depth: 1)))\">\(e(w.allMunicipalities))</a></nav>\n"
        out += "<header><h1>\(e(municipality.name))</h1><p>\(e(w.intro))</p>\(languageLink(language, languageLinks))</header>\n<main>\n"
        let feeds = publicFeeds(catalog, municipality.id)
        // The whole municipality's calendar first, then the year as a wheel, then a calendar per series.
        let whole = feeds.filter { $0.kind == .municipality }, series = feeds.filter { $0.kind != .municipality }
        if !whole.isEmpty {
            out += "<section class=\"subscribe all\"><ul class=\"feeds\">\n"
            for feed in whole { out += feedItem(feed, links: links, w: w, depth: 1, plan: municipality.plan) }
            out += "</ul>\n</section>\n"
        }
        if let plan = municipality.plan {
            for year in plan.years {
                out += "<section class=\"year\"><h2>\(e("\(w.wheel) \(year)"))</h2>\n<figure class=\"wheel\">\n"
                // Deadlines are in the full feeds only: a public page leaves them out.
                out += inlineSVG(AnnualWheel.svg(for: plan, language: language, year: year,
                                                 options: WheelOptions(legend: false, today: today, deadlines: false)))
                out += "</figure>\n" + legend(plan, year: year, today: today, w: w) + "</section>\n"
            }
        }
        if !series.isEmpty {
            out += "<section class=\"subscribe series\"><h2>\(e(w.seriesCalendars))</h2>\n<ul class=\"feeds\">\n"
            for feed in series { out += feedItem(feed, links: links, w: w, depth: 1, plan: municipality.plan) }
            out += "</ul>\n</section>\n"
        }
        out += "</main>\n<footer><p>\(e(w.howTo))</p></footer>\n" + script + "</body>\n</html>\n"
        return out
    }

    /// Municipalities that have at least one public calendar, in catalog order.
    public static func listedMunicipalities(_ catalog: FeedCatalog) -> [CatalogMunicipality] {
        catalog.municipalities.filter { m in !publicFeeds(catalog, m.id).isEmpty }
    }

    static func publicFeeds(_ catalog: FeedCatalog, _ id: String) -> [Feed] {
        // Year archives (the old year-named addresses) are served but not offered.
        let feeds = catalog.feeds(of: id).filter { $0.isPublic && $0.kind != .page && $0.archiveYear == nil }
        // The whole municipality first, then the series in catalog order.
        return feeds.filter { $0.kind == .municipality } + feeds.filter { $0.kind != .municipality }
    }

    // MARK: Pieces

    static func head(title: String, language: PlanLanguage, links: LinkBase, depth: Int) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(language == .english ? "en" : "nb")\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(e(title))</title>\n<style>\(PageStyle.css)</style>\n</head>\n<body>\n"
        return out
    }

    static func languageLink(_ language: PlanLanguage, _ links: LanguageLinks) -> String {
        let w = PageWords(language)
        let href = links.href(to: language == .english ? .bokmal : .english)
        return "<p class=\"lang\"><a href=\"\(href)\">\(e(w.otherLanguage))</a></p>"
    }

    /// Where a municipality's page is: `/<id>/` on a server, `<id>/index.html` in a static tree without a host.
    static func municipalityHref(_ id: String, links: LinkBase, language: PlanLanguage, depth: Int) -> String {
        switch links {
        case .host: return "/\(id)/" + (language == .english ? "?lang=en" : "")
        case .relative: return String(repeating: "../", count: depth) + "\(id)/" + (language == .english ? "index.en.html" : "index.html")
        }
    }

    static func overviewHref(links: LinkBase, language: PlanLanguage, depth: Int) -> String {
        switch links {
        case .host: return "/" + (language == .english ? "?lang=en" : "")
        case .relative: return String(repeating: "../", count: depth) + (language == .english ? "index.en.html" : "index.html")
        }
    }

    /// A calendar's name in the page's language. Feeds are named in the
    /// agreement's language ("Lillestrøm: Politiråd"); the English page names
    /// a series by its English title where the agreement gives one
    /// ("Lillestrøm: Police council") and the whole calendar "All meetings".
    static func shownTitle(_ feed: Feed, plan: Plan?, w: PageWords) -> String {
        if feed.kind == .municipality { return "\(feed.municipality): \(w.allMeetings)" }
        guard w.language == .english, let plan else { return feed.title }
        let file = feed.path.split(separator: "/").last.map(String.init) ?? ""
        let id = file.hasSuffix(".ics") ? String(file.dropLast(4)) : file
        guard let english = plan.agreement.series.first(where: { $0.id == id })?.titleEnglish else { return feed.title }
        return "\(feed.municipality): \(english)"
    }

    /// A calendar: its name, a subscribe button (webcal) and the https address
    /// in a field to copy from, with a copy button (the field alone works without script).
    static func feedItem(_ feed: Feed, links: LinkBase, w: PageWords, depth: Int, plan: Plan? = nil) -> String {
        // The whole municipality's calendar is named in the page's language ("All meetings"); the
        // municipality is the heading above it.
        let title = shownTitle(feed, plan: plan, w: w)
        var out = feed.kind == .municipality
            ? "<li class=\"feed\"><span class=\"feed-title\">\(e(w.allMeetings))</span>"
            : "<li class=\"feed\"><span class=\"feed-title\">\(e(title))</span> <span class=\"kind\">\(e(w.kind(feed.kind)))</span>"
        out += "<span class=\"actions\">"
        let address: String
        switch links {
        case .host(let host, let secure):
            address = (secure ? "https://" : "http://") + host + feed.urlPath
            out += "<a class=\"button webcal\" href=\"\(e("webcal://\(host)\(feed.urlPath)"))\">\(e(w.subscribe))</a>"
        case .relative:
            // No known host: the script turns this into the full address where the page is served.
            address = String(repeating: "../", count: depth) + feed.path
            out += "<a class=\"button https\" href=\"\(e(address))\">\(e(w.download))</a>"
        }
        out += "<label class=\"address\"><span class=\"visually-hidden\">\(e(w.address(title)))</span>"
        out += "<input class=\"copy-source\" type=\"text\" readonly value=\"\(e(address))\"></label>"
        out += "<button class=\"button copy\" type=\"button\" data-done=\"\(e(w.copied))\" hidden>\(e(w.copy))</button>"
        out += "</span></li>\n"
        return out
    }

    /// The wheel's legend as a table: each series' mark, its full name and its dates.
    static func legend(_ plan: Plan, year: Int, today: CivilDate?, w: PageWords) -> String {
        let tracks = WheelTracks.tracks(plan: plan, language: w.language, year: year)
        guard !tracks.isEmpty else { return "" }
        var out = "<table class=\"legend\">\n<thead><tr><th scope=\"col\"><span class=\"visually-hidden\">\(e(w.mark))</span></th>"
            + "<th scope=\"col\">\(e(w.series))</th><th scope=\"col\">\(e(w.dates))</th></tr></thead>\n<tbody>\n"
        for track in tracks {
            out += "<tr data-series=\"\(e(track.seriesID))\"><td class=\"swatch\">\(WheelTracks.swatch(track))</td>"
                + "<th scope=\"row\">\(e(track.title))</th><td>\(e(WheelTracks.datesText(track, w.language)))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<p class=\"key\"><span class=\"closed-key\"></span>\(e(w.closed)) <span class=\"school-key\"></span>\(e(w.school))"
        if let today, today.year == year { out += " <span class=\"today-key\"></span>\(e(w.today)) \(e(Words.shortDate(today, w.language)))" }
        out += "</p>\n"
        return out
    }

    /// The SVG document without its XML declaration, to sit inside HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") else { return svg }
        return String(svg[svg.index(after: end)...])
    }

    private static func e(_ s: String) -> String { XMLText.escape(s) }

    /// Shows the copy buttons and copies an address on a press; makes a
    /// relative address absolute. Without script the address field still selects.
    static let script = "<script>document.querySelectorAll('li.feed').forEach(function(li){"
        + "var input=li.querySelector('input.copy-source'),button=li.querySelector('button.copy');if(!input||!button)return;"
        + "if(!/^https?:/.test(input.value)){input.value=new URL(input.value,location.href).href;}"
        + "input.addEventListener('focus',function(){input.select();});"
        + "if(navigator.clipboard){button.hidden=false;button.addEventListener('click',function(){"
        + "navigator.clipboard.writeText(input.value).then(function(){button.textContent=button.dataset.done||button.textContent;});});}"
        + "});</script>\n"
}

struct PageWords {
    let language: PlanLanguage
    init(_ language: PlanLanguage) { self.language = language }
    private var en: Bool { language == .english }

    var title: String { language.pick(nb: "Møtekalendere", nn: "Møtekalendrar", en: "Meeting calendars") }
    var intro: String {
        language.pick(nb: "Abonner på en kalender for å få møtene i Outlook, Google, Apple Kalender eller Thunderbird. Endringer kommer automatisk.",
          nn: "Abonner på ein kalender for å få møta i Outlook, Google, Apple Kalender eller Thunderbird. Endringar kjem automatisk.",
          en: "Subscribe to a calendar to get the meetings in Outlook, Google, Apple Calendar or Thunderbird. Changes come through automatically.")
    }
    var otherLanguage: String { en ? "Norsk (bokmål)" : "English" }
    var noFeeds: String { language.pick(nb: "Ingen kalendere er publisert ennå.", nn: "Ingen kalendrar er publiserte enno.", en: "No calendars are published yet.") }
    var subscribe: String { language.pick(nb: "Abonner", nn: "Abonner", en: "Subscribe") }
    var download: String { language.pick(nb: "Last ned", nn: "Last ned", en: "Download") }
    var copy: String { language.pick(nb: "Kopier adressen", nn: "Kopier adressa", en: "Copy the address") }
    var copied: String { language.pick(nb: "Adressen er kopiert", nn: "Adressa er kopiert", en: "Address copied") }
    func address(_ title: String) -> String { language.pick(nb: "Adressen til \(title)", nn: "Adressa til \(title)", en: "Address of \(title)") }
    var allMeetings: String { language.pick(nb: "Alle møter", nn: "Alle møte", en: "All meetings") }
    var seriesCalendars: String { language.pick(nb: "Kalender for hver møteserie", nn: "Kalender for kvar møteserie", en: "A calendar for each meeting series") }
    var allMunicipalities: String { language.pick(nb: "← Alle kommuner", nn: "← Alle kommunar", en: "← All municipalities") }
    func morePage(_ series: Int) -> String {
        language.pick(nb: "Årshjul og \(series) kalendere, én for hver møteserie →", nn: "Årshjul og \(series) kalendrar, éin for kvar møteserie →",
          en: "Annual wheel and \(series) calendars, one per meeting series →")
    }
    var wheel: String { language.pick(nb: "Årshjul", nn: "Årshjul", en: "Annual wheel") }
    var mark: String { language.pick(nb: "Merke", nn: "Merke", en: "Mark") }
    var series: String { language.pick(nb: "Møteserie", nn: "Møteserie", en: "Meeting series") }
    var dates: String { language.pick(nb: "Datoer", nn: "Datoar", en: "Dates") }
    var closed: String { language.pick(nb: "helligdager og møtefrie perioder", nn: "heilagdagar og møtefrie periodar", en: "public holidays and no-meeting periods") }
    var school: String { language.pick(nb: "skoleferier", nn: "skuleferiar", en: "school holidays") }
    var today: String { language.pick(nb: "i dag", nn: "i dag", en: "today") }
    var howTo: String {
        language.pick(nb: "«Abonner» åpner kalenderprogrammet ditt. Du kan også kopiere adressen og lime den inn under «legg til fra URL» i kalenderen.",
          nn: "«Abonner» opnar kalenderprogrammet ditt. Du kan òg kopiere adressa og lime ho inn under «legg til frå URL» i kalenderen.",
          en: "“Subscribe” opens your calendar app. Or copy the address and paste it into your calendar app's “Add from URL”.")
    }

    func kind(_ kind: FeedKind) -> String {
        switch kind {
        case .municipality: return language.pick(nb: "alle møter", nn: "alle møte", en: "all meetings")
        case .series: return language.pick(nb: "møteserie", nn: "møteserie", en: "meeting series")
        case .person: return "person"
        case .role: return language.pick(nb: "rolle", nn: "rolle", en: "role")
        case .page: return language.pick(nb: "side", nn: "side", en: "page")
        }
    }
}
