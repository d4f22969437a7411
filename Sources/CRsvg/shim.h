#ifndef AARSHJUL_CRSVG_SHIM_H
#define AARSHJUL_CRSVG_SHIM_H
// librsvg (SVG drawn onto a cairo context), seen only by AarshjulPDF.
// Swift calls only the one function below: the GError and GObject
// lifetimes stay here, and the cairo context passes as an opaque pointer
// so this module and CCairo never disagree about cairo's types.
#include <librsvg/rsvg.h>
#include <string.h>

// Draws the SVG document `data` into the rectangle (x, y, width, height) of
// the cairo context `cairo`, keeping its aspect ratio. Returns 0 on success;
// otherwise 1 and copies librsvg's message (cut to `message_size`) into `message`.
static inline int aarshjul_rsvg_render(void *cairo, const unsigned char *data, size_t length,
                                       double x, double y, double width, double height,
                                       char *message, size_t message_size) {
    GError *error = NULL;
    RsvgHandle *handle = rsvg_handle_new_from_data(data, length, &error);
    if (handle == NULL) {
        if (message_size > 0) {
            strncpy(message, error ? error->message : "the SVG cannot be read", message_size - 1);
            message[message_size - 1] = 0;
        }
        if (error) g_error_free(error);
        return 1;
    }
    RsvgRectangle viewport = { x, y, width, height };
    gboolean ok = rsvg_handle_render_document(handle, (cairo_t *)cairo, &viewport, &error);
    int result = 0;
    if (!ok) {
        if (message_size > 0) {
            strncpy(message, error ? error->message : "the SVG cannot be drawn", message_size - 1);
            message[message_size - 1] = 0;
        }
        result = 1;
    }
    if (error) g_error_free(error);
    g_object_unref(handle);
    return result;
}
#endif
