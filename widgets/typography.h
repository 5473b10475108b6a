// The studio's type scale, one place for it: a view's title, body text (the widget's own font) and
// captions (status lines, notes). Sizes are relative, so the desktop's font size and scaling hold.
#pragma once
#include <QFont>

namespace ft::widgets {

inline QFont titleFont(QFont base) {
    base.setPointSizeF(base.pointSizeF() * 1.35);
    base.setBold(true);
    return base;
}

inline QFont captionFont(QFont base) {
    base.setPointSizeF(base.pointSizeF() * 0.85);
    return base;
}

} // namespace ft::widgets
