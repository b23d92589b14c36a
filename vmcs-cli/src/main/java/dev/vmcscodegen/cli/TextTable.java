package dev.vmcscodegen.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text printed in aligned columns, for the readable (non-JSON) output. The last column is not
 * padded, so no line ends in spaces.
 */
public final class TextTable {

  private static final String GAP = "  ";

  private final List<List<String>> rows = new ArrayList<>();

  /** Adds a row; rows may have different numbers of cells. */
  public TextTable row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  /** Prints the rows, each column as wide as its widest cell, with {@code indent} before each line. */
  public void print(PrintWriter out, String indent) {
    List<Integer> widths = new ArrayList<>();
    for (List<String> row : rows) {
      for (int column = 0; column < row.size(); column++) {
        int length = row.get(column).length();
        if (column == widths.size()) {
          widths.add(length);
        } else if (length > widths.get(column)) {
          widths.set(column, length);
        }
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int column = 0; column < row.size(); column++) {
        String cell = row.get(column);
        line.append(cell);
        if (column < row.size() - 1) {
          line.append(" ".repeat(widths.get(column) - cell.length())).append(GAP);
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** Prints with no indent. */
  public void print(PrintWriter out) {
    print(out, "");
  }
}
