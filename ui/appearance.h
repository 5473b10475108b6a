// The studio's look: the system's own, or Fusion with a light or dark palette (Qt 6.4 cannot read
// the desktop's dark preference itself, so the user can choose it).
#pragma once
#include <QString>

namespace ft::ui {

// "system" | "light" | "dark"; anything else is taken as "system".
void applyTheme(const QString& theme);

} // namespace ft::ui
