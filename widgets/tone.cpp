// The studio's status colours, light and dark.
#include "tone.h"

namespace ft::widgets {

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor toneColor(Tone tone, const QPalette& palette) {
    const bool dark = isDarkPalette(palette);
    switch (tone) {
    case Tone::Neutral: return palette.color(QPalette::WindowText);
    case Tone::Attention: return dark ? QColor(0xf5, 0xb0, 0x41) : QColor(0xb9, 0x77, 0x0e);
    case Tone::Running: return dark ? QColor(0x5d, 0xad, 0xe2) : QColor(0x1f, 0x6f, 0xb5);
    case Tone::Done: return dark ? QColor(0x58, 0xd6, 0x8d) : QColor(0x1e, 0x84, 0x49);
    case Tone::Failed: return dark ? QColor(0xec, 0x70, 0x63) : QColor(0xc0, 0x39, 0x2b);
    case Tone::Stopped: return dark ? QColor(0xaa, 0xb7, 0xb8) : QColor(0x70, 0x7b, 0x7c);
    }
    return palette.color(QPalette::WindowText);
}

QString toneColorName(Tone tone, const QPalette& palette) {
    return toneColor(tone, palette).name();
}

QString toneHtml(Tone tone, const QString& html, const QPalette& palette) {
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(toneColorName(tone, palette), html);
}

} // namespace ft::widgets
