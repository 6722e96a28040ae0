package io.capacityctl.backtest.report;

import java.util.List;

/** A static HTML table built row by row; headers and cells are text, escaped here. */
final class HtmlTable {
  private final StringBuilder sb;

  /**
   * @param cssClass the table's class (the style sheet right-aligns numbers in every table)
   */
  HtmlTable(String cssClass, List<String> headers) {
    sb = new StringBuilder("<table class=\"").append(cssClass).append("\">\n<thead><tr>");
    headers.forEach(h -> sb.append("<th>").append(Html.escape(h)).append("</th>"));
    sb.append("</tr></thead>\n<tbody>\n");
  }

  /**
   * Adds a row.
   *
   * @param policy the row's {@code data-policy} (tests and the page's script find rows by it)
   * @param marked whether the row is highlighted (the charted policies, the configured budget)
   */
  HtmlTable row(String policy, boolean marked, List<String> cells) {
    sb.append("<tr data-policy=\"").append(Html.escape(policy)).append('"');
    if (marked) {
      sb.append(" class=\"marked\"");
    }
    sb.append('>');
    cells.forEach(c -> sb.append("<td>").append(Html.escape(c)).append("</td>"));
    sb.append("</tr>\n");
    return this;
  }

  String html() {
    return sb + "</tbody>\n</table>";
  }
}
