// Loaded only by browsers without ES modules (very old WebViews), which cannot run the map: say so
// instead of showing a blank page. A file, not an inline script, so the CSP can forbid inline scripts.
document.getElementById('app').innerHTML =
  '<p style="padding:1rem;font-size:1.1rem">此浏览器版本过旧，无法显示地图。请更新微信或使用系统浏览器打开。<br>' +
  'This browser is too old to show the map; please update it or open the page in the system browser.</p>';
