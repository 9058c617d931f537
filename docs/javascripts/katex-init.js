// Typeset arithmatex's \( \) and \[ \] math with the self-hosted KaTeX, on
// every page that instant navigation shows.
document$.subscribe(({ body }) => {
  renderMathInElement(body, {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "\\[", right: "\\]", display: true },
      { left: "\\(", right: "\\)", display: false },
    ],
    ignoredClasses: ["calcweb-cell"],
    throwOnError: false,
  });
});
