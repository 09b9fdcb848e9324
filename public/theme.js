// Applies the reader's saved theme before the first paint (a classic file, so no inline script is needed).
try {
  var t = localStorage.getItem('dossier-theme');
  if (t === 'light' || t === 'dark') document.documentElement.setAttribute('data-theme', t);
} catch (e) {}
