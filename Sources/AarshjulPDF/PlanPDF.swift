import AarshjulCore
import CCairo
import CRsvg

/// What went wrong making a PDF, in words for the person who asked for it.
public struct PDFError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// The printed plan as a PDF (through cairo, and librsvg for the wheel's
/// SVG; the only code that touches either). Core lays the pages out
/// (`PlanPrintLayout`) with cairo's font metrics; this draws them. The
/// creation date is the plan's fixed stamp, so the same plan gives the same bytes.
public enum PlanPDF {
    /// Fontconfig's sans-serif (DejaVu Sans on Debian), as the wheel's SVG uses.
    static let fontFamily = "sans-serif"

    public static func bytes(for plan: Plan, language: PlanLanguage) throws(PDFError) -> [UInt8] {
        let sink = ByteSink()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        guard let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, unmanaged.toOpaque(), PlanPrintLayout.pageWidth, PlanPrintLayout.pageHeight) else {
            throw PDFError(description: "cairo cannot start a PDF")
        }
        let stamp = Plan.freshStamp(plan.agreement, years: plan.years)
        let date = "\(stamp.date.iso)T00:00:00Z"
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Aarshjul")
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw PDFError(description: "cairo cannot start drawing")
        }
        let metrics = Metrics(cr)
        let document = PlanPrintLayout(plan: plan, language: language, measure: { text, size, bold in
            metrics.width(text, size: size, bold: bold)
        }).document()
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title)
        var failure: PDFError?
        for page in document.pages {
            cairo_pdf_surface_set_size(surface, page.width, page.height)
            for item in page.items {
                if let error = draw(item, cr) { failure = failure ?? error }
            }
            cairo_show_page(cr)
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        if let failure { throw failure }
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PDFError(description: "cairo: \(String(cString: cairo_status_to_string(status)))")
        }
        return sink.bytes
    }

    static func draw(_ item: PrintItem, _ cr: OpaquePointer) -> PDFError? {
        switch item {
        case .text(let t):
            setColour(t.colour, cr)
            selectFont(cr, size: t.size, bold: t.bold)
            cairo_move_to(cr, t.x, t.y)
            cairo_show_text(cr, t.text)
        case let .box(x, y, width, height, colour):
            setColour(colour, cr)
            cairo_rectangle(cr, x, y, width, height)
            cairo_fill(cr)
        case let .rule(x, y, width, colour):
            setColour(colour, cr)
            cairo_set_line_width(cr, 0.6)
            cairo_move_to(cr, x, y)
            cairo_line_to(cr, x + width, y)
            cairo_stroke(cr)
        case let .svg(document, x, y, width, height):
            var message = [CChar](repeating: 0, count: 512)
            let bytes = Array(document.utf8)
            let result = bytes.withUnsafeBufferPointer { buffer in
                aarshjul_rsvg_render(UnsafeMutableRawPointer(cr), buffer.baseAddress, buffer.count, x, y, width, height,
                                     &message, message.count)
            }
            if result != 0 {
                return PDFError(description: "librsvg cannot draw the wheel: \(String(cString: message))")
            }
        }
        return nil
    }

    static func selectFont(_ cr: OpaquePointer, size: Double, bold: Bool) {
        cairo_select_font_face(cr, fontFamily, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }

    /// "#rrggbb" → cairo's 0…1 channels; anything else draws black.
    static func setColour(_ hex: String, _ cr: OpaquePointer) {
        let digits = Array(hex.utf8.dropFirst())
        guard hex.hasPrefix("#"), digits.count == 6, let value = Int(String(decoding: digits, as: UTF8.self), radix: 16) else {
            cairo_set_source_rgb(cr, 0, 0, 0)
            return
        }
        cairo_set_source_rgb(cr, Double((value >> 16) & 0xFF) / 255, Double((value >> 8) & 0xFF) / 255, Double(value & 0xFF) / 255)
    }

    /// Text widths from the same cairo context and fonts the pages are drawn with.
    final class Metrics: @unchecked Sendable {
        let cr: OpaquePointer
        init(_ cr: OpaquePointer) { self.cr = cr }
        func width(_ text: String, size: Double, bold: Bool) -> Double {
            PlanPDF.selectFont(cr, size: size, bold: bold)
            var extents = cairo_text_extents_t()
            cairo_text_extents(cr, text, &extents)
            return extents.x_advance
        }
    }

    final class ByteSink { var bytes: [UInt8] = [] }
}
