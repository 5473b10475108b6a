// Icons drawn from single-colour SVG files in a colour of the caller's choice (the palette's text
// colour, a status colour), rendered at the size and device pixel ratio asked for, so they stay
// sharp from 1x to 4K screens and follow the light or dark theme.
#pragma once
#include <QColor>
#include <QIcon>
#include <QPixmap>

namespace ft::widgets {

// An icon that renders `svgPath` (a file or ":/resource") in `color`; disabled, it is drawn faded.
QIcon tintedSvgIcon(const QString& svgPath, const QColor& color);
// One rendering; a null pixmap when the file cannot be read.
QPixmap tintedSvgPixmap(const QString& svgPath, const QSize& size, qreal devicePixelRatio, const QColor& color);

} // namespace ft::widgets
