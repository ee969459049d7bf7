package dev.tunable.internal.report;

import static dev.tunable.internal.report.Numbers.px;

/**
 * A small SVG writer. Styling is by class (the page's style sheet); every text and attribute
 * value that may come from users is escaped. A mark with a {@code tip} shows that tooltip (a key of
 * the page's tooltip table) when hovered.
 */
final class Svg {
  private static final String GRADIENT = "viridis";

  private final StringBuilder out = new StringBuilder(4096);
  private final int width;
  private final int height;
  private final String label;

  Svg(int width, int height, String label) {
    this.width = width;
    this.height = height;
    this.label = label;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  Svg line(double x1, double y1, double x2, double y2, String cls) {
    out.append("<line class=\"").append(cls).append("\" x1=\"").append(px(x1))
        .append("\" y1=\"").append(px(y1)).append("\" x2=\"").append(px(x2))
        .append("\" y2=\"").append(px(y2)).append("\"/>");
    return this;
  }

  Svg rect(double x, double y, double w, double h, String cls, String fill) {
    out.append("<rect class=\"").append(cls).append("\" x=\"").append(px(x)).append("\" y=\"")
        .append(px(y)).append("\" width=\"").append(px(w)).append("\" height=\"").append(px(h))
        .append('"');
    fill(fill);
    out.append("/>");
    return this;
  }

  Svg circle(double cx, double cy, double r, String cls, String fill, String tip) {
    out.append("<circle class=\"").append(cls).append("\" cx=\"").append(px(cx))
        .append("\" cy=\"").append(px(cy)).append("\" r=\"").append(px(r)).append('"');
    fill(fill);
    tip(tip);
    out.append("/>");
    return this;
  }

  /** A polyline through ({@code xs[i]}, {@code ys[i]}), stroked in {@code stroke} if not null. */
  Svg polyline(double[] xs, double[] ys, String cls, String stroke, String tip) {
    out.append("<polyline class=\"").append(cls).append("\" points=\"");
    for (int i = 0; i < xs.length; i++) {
      out.append(i == 0 ? "" : " ").append(px(xs[i])).append(',').append(px(ys[i]));
    }
    out.append('"');
    if (stroke != null) {
      out.append(" stroke=\"").append(stroke).append('"');
    }
    tip(tip);
    out.append("/>");
    return this;
  }

  /** A path; {@code d} is built from numbers by the caller, never from user text. */
  Svg path(String d, String cls, String tip) {
    return path(d, cls, tip, null);
  }

  /** A path filled with {@code fill} if not null. */
  Svg path(String d, String cls, String tip, String fill) {
    out.append("<path class=\"").append(cls).append("\" d=\"").append(d).append('"');
    fill(fill);
    tip(tip);
    out.append("/>");
    return this;
  }

  /** Text at (x, y); {@code anchor} is start, middle or end; {@code rotate} in degrees. */
  Svg text(double x, double y, String anchor, String cls, String text, int rotate) {
    out.append("<text class=\"").append(cls).append("\" x=\"").append(px(x)).append("\" y=\"")
        .append(px(y)).append("\" text-anchor=\"").append(anchor).append('"');
    if (rotate != 0) {
      out.append(" transform=\"rotate(").append(rotate).append(' ').append(px(x)).append(' ')
          .append(px(y)).append(")\"");
    }
    out.append('>').append(Html.escape(text)).append("</text>");
    return this;
  }

  /** Text cut to {@code max} characters with an ellipsis; the full text shows on hover. */
  Svg label(double x, double y, String anchor, String cls, String text, int max, int rotate) {
    if (text.length() <= max) {
      return text(x, y, anchor, cls, text, rotate);
    }
    out.append("<g><title>").append(Html.escape(text)).append("</title>");
    text(x, y, anchor, cls, text.substring(0, max - 1) + "…", rotate);
    out.append("</g>");
    return this;
  }

  /** A colour bar's body: the page's shared viridis gradient, low values at the bottom. */
  Svg colorBar(double x, double y, double w, double h) {
    out.append("<rect class=\"colorbar\" x=\"").append(px(x)).append("\" y=\"").append(px(y))
        .append("\" width=\"").append(px(w)).append("\" height=\"").append(px(h))
        .append("\" fill=\"url(#").append(GRADIENT).append(")\"/>");
    return this;
  }

  /** The definition of the gradient {@link #colorBar} uses, once per page. */
  static String gradientDefinition() {
    StringBuilder defs = new StringBuilder("<svg class=\"defs\" width=\"0\" height=\"0\""
        + " aria-hidden=\"true\"><defs><linearGradient id=\"" + GRADIENT
        + "\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
    for (int i = 0; i <= 10; i++) {
      defs.append("<stop offset=\"").append(i * 10).append("%\" stop-color=\"")
          .append(Palette.viridis(i / 10.0)).append("\"/>");
    }
    return defs.append("</linearGradient></defs></svg>").toString();
  }

  /** Raw markup written by the report itself (a group's opening, a closing tag). */
  Svg raw(String markup) {
    out.append(markup);
    return this;
  }

  private void fill(String fill) {
    if (fill != null) {
      out.append(" fill=\"").append(fill).append('"');
    }
  }

  private void tip(String tip) {
    if (tip != null) {
      out.append(" data-t=\"").append(Html.escape(tip)).append('"');
    }
  }

  /** The finished {@code <svg>} element. */
  String end() {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
        + "\" width=\"" + width + "\" height=\"" + height + "\" role=\"img\" aria-label=\""
        + Html.escape(label) + "\">" + out + "</svg>";
  }
}
