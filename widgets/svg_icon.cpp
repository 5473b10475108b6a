// tintedSvgIcon: an icon engine that renders the SVG at each requested size and fills its shapes
// with one colour (the files are drawn in black; only their alpha is used).
#include "svg_icon.h"

#include <QIconEngine>
#include <QPainter>
#include <QSvgRenderer>

namespace ft::widgets {

namespace {

class TintedSvgEngine final : public QIconEngine {
public:
    TintedSvgEngine(QString path, QColor color) : m_path(std::move(path)), m_color(color) {}

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, tintedSvgPixmap(m_path, rect.size(), dpr, colorFor(mode)));
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State) override {
        return tintedSvgPixmap(m_path, size, 1.0, colorFor(mode));
    }
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State, qreal scale) override {
        return tintedSvgPixmap(m_path, size, scale, colorFor(mode));
    }
    QIconEngine* clone() const override { return new TintedSvgEngine(m_path, m_color); }
    QString key() const override { return QStringLiteral("ft-tinted-svg"); }

private:
    QColor colorFor(QIcon::Mode mode) const {
        QColor c = m_color;
        if (mode == QIcon::Disabled) c.setAlphaF(0.4f);
        return c;
    }
    QString m_path;
    QColor m_color;
};

} // namespace

QPixmap tintedSvgPixmap(const QString& svgPath, const QSize& size, qreal devicePixelRatio, const QColor& color) {
    QSvgRenderer renderer(svgPath);
    if (!renderer.isValid() || size.isEmpty()) return {};
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        renderer.render(&p);
        p.setCompositionMode(QPainter::CompositionMode_SourceIn); // keep the shapes' alpha, take the colour
        p.fillRect(image.rect(), color);
    }
    QPixmap pixmap = QPixmap::fromImage(image);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

QIcon tintedSvgIcon(const QString& svgPath, const QColor& color) {
    return QIcon(new TintedSvgEngine(svgPath, color));
}

} // namespace ft::widgets
