/**
 * The HTML report of a study: one self-contained file whose charts are SVG written here, in Java,
 * with a few lines of inline script for the hover tooltips. No chart library is vendored: the
 * files stay small, open offline (from an e-mail attachment or a CI artifact), and there is no
 * third-party code to keep up to date. Not API: {@code Study.writeReport} is.
 */
package dev.tunable.internal.report;
