package dev.vmcscodegen.benchmarks;

/**
 * Writes valid specs of a chosen size for the processor benchmark. Fields fill the encoding space
 * (SDM Vol. 3C 25.11.2, Table 25-21: bits 9:1 index, 11:10 type, 14:13 width, bit 0 access type 0)
 * group by group: 4 types x 4 widths x 512 indices = 8,192 full-access encodings at most.
 */
final class SyntheticSpec {

  /** Bits 9:1 hold the index: 512 fields per type and width. */
  static final int INDICES_PER_GROUP = 512;
  /** The largest spec the encoding space allows. */
  static final int MAX_FIELDS = 4 * 4 * INDICES_PER_GROUP;

  private static final int INDEX_SHIFT = 1;
  private static final int TYPE_SHIFT = 10;
  private static final int WIDTH_SHIFT = 13;

  private static final String[] CATEGORIES = {"control", "read-only", "guest", "host"};
  /** Spec width names in the order of their width bits (0 16-bit, 1 64-bit, 2 32-bit, 3 natural). */
  private static final String[] WIDTHS = {"16", "64", "32", "natural"};

  private SyntheticSpec() {}

  /** A spec of {@code fields} fields, spread evenly over the 16 groups, in ascending encoding order. */
  static String of(int fields) {
    if (fields < 1 || fields > MAX_FIELDS) {
      throw new IllegalArgumentException("a spec holds 1 to " + MAX_FIELDS + " fields, not " + fields);
    }
    StringBuilder text = new StringBuilder(fields * 80);
    text.append("# synthetic spec of ").append(fields).append(" fields for ProcessorBenchmark\n");
    int groups = CATEGORIES.length * WIDTHS.length;
    int written = 0;
    for (int group = 0; group < groups; group++) {
      int type = group / WIDTHS.length;
      int width = group % WIDTHS.length;
      int inGroup = fields / groups + (group < fields % groups ? 1 : 0);
      if (inGroup == 0) {
        continue;
      }
      text.append('[').append(CATEGORIES[type]).append(' ').append(WIDTHS[width])
          .append("]   SDM Vol. 3C 25.11.2\n");
      for (int index = 0; index < inGroup; index++) {
        int encoding = (width << WIDTH_SHIFT) | (type << TYPE_SHIFT) | (index << INDEX_SHIFT);
        text.append(String.format("FIELD_%04d   0x%04X   Synthetic field %d%n", written, encoding, written));
        written++;
      }
    }
    return text.toString();
  }
}
