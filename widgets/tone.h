// Tone: what a status means (running, done, failed, stopped, needs attention) and the one colour
// each has everywhere in the studio, chosen to read on the light and on the dark palette.
#pragma once
#include <QColor>
#include <QPalette>

namespace ft::widgets {

enum class Tone { Neutral, Attention, Running, Done, Failed, Stopped };

bool isDarkPalette(const QPalette& palette);
// Neutral is the palette's own text colour; the others are fixed hues, lighter on a dark palette.
QColor toneColor(Tone tone, const QPalette& palette);
// The colour as "#rrggbb", for rich text.
QString toneColorName(Tone tone, const QPalette& palette);
// `html` in a span of the tone's colour.
QString toneHtml(Tone tone, const QString& html, const QPalette& palette);

} // namespace ft::widgets
