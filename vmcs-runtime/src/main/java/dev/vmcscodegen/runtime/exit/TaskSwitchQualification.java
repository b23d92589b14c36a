package dev.vmcscodegen.runtime.exit;

/**
 * Exit qualification for task switches (basic exit reason 9): SDM Vol. 3C 28.2.1, table "Exit
 * Qualification for Task Switches".
 *
 * <table>
 *   <caption>Bit layout</caption>
 *   <tr><th>bits</th><th>content</th></tr>
 *   <tr><td>15:0</td><td>selector of the task-state segment (TSS) to which the guest attempted to switch</td></tr>
 *   <tr><td>29:16</td><td>reserved (cleared to 0)</td></tr>
 *   <tr><td>31:30</td><td>source of the task switch ({@link TaskSwitchSource})</td></tr>
 *   <tr><td>63:32</td><td>reserved (cleared to 0)</td></tr>
 * </table>
 *
 * @param selector bits 15:0
 * @param source bits 31:30
 * @param reservedBits bits 29:16 and 63:32 in place (mask {@link #RESERVED_MASK})
 */
public record TaskSwitchQualification(int selector, TaskSwitchSource source, long reservedBits)
    implements ExitQualification {

  /** Bits 15:0. */
  public static final int SELECTOR_BITS = 16;
  /** Bits 31:30. */
  public static final int SOURCE_SHIFT = 30;
  /** Bits 29:16 and 63:32. */
  public static final long RESERVED_MASK = 0xFFFF_FFFF_3FFF_0000L;

  /** Checks each component fits its bits. */
  public TaskSwitchQualification {
    BitField.checkWidth(selector, SELECTOR_BITS, "TSS selector (bits 15:0)");
    if (source == null) {
      throw new IllegalArgumentException("task-switch source (bits 31:30) must not be null");
    }
    BitField.checkMask(reservedBits, RESERVED_MASK, "task-switch qualification reserved bits");
  }

  /** Decodes the qualification. Never throws. */
  public static TaskSwitchQualification decode(long raw) {
    return new TaskSwitchQualification(
        BitField.get(raw, 0, SELECTOR_BITS),
        TaskSwitchSource.fromCode(BitField.get(raw, SOURCE_SHIFT, TaskSwitchSource.BITS)),
        raw & RESERVED_MASK);
  }

  @Override
  public long encode() {
    return selector | BitField.put(source.code(), SOURCE_SHIFT) | reservedBits;
  }
}
