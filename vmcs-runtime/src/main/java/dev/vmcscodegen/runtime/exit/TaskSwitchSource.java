package dev.vmcscodegen.runtime.exit;

/**
 * Source of a task switch, bits 31:30 of the task-switch exit qualification: SDM Vol. 3C 28.2.1, table
 * "Exit Qualification for Task Switches". All four 2-bit values are defined.
 */
public enum TaskSwitchSource {
  /** 0: CALL instruction. */
  CALL_INSTRUCTION,
  /** 1: IRET instruction. */
  IRET_INSTRUCTION,
  /** 2: JMP instruction. */
  JMP_INSTRUCTION,
  /** 3: task gate in IDT. */
  TASK_GATE_IN_IDT;

  /** Width of the source field. */
  public static final int BITS = 2;

  private static final TaskSwitchSource[] BY_CODE = values();

  /** The 2-bit code. */
  public int code() {
    return ordinal();
  }

  /**
   * The source with this 2-bit code.
   *
   * @throws IllegalArgumentException if {@code code} is outside 0 to 3
   */
  public static TaskSwitchSource fromCode(int code) {
    return BY_CODE[BitField.checkWidth(code, BITS, "task-switch source (bits 31:30)")];
  }
}
