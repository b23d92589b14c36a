package dev.vmcscodegen.runtime.entry;

/**
 * The part of VM entry a check belongs to, in the order the processor performs them (SDM Vol. 3C 27.1 to
 * 27.4; 26.1 to 26.4 in SDM editions before 2023). A failure in an earlier area decides the outcome of
 * the instruction: basic checks, then the checks on VMX controls (VMfailValid 7) and host state
 * (VMfailValid 8), then guest state (VM-entry failure, exit reason 33), then MSR loading (exit reason 34).
 */
public enum CheckArea {
  /** 27.1: launch state and blocking by MOV SS. */
  BASIC("27.1"),
  /** 27.2.1.1: VM-execution control fields. */
  EXECUTION_CONTROLS("27.2.1.1"),
  /** 27.2.1.2: VM-exit control fields. */
  EXIT_CONTROLS("27.2.1.2"),
  /** 27.2.1.3: VM-entry control fields, event injection included. */
  ENTRY_CONTROLS("27.2.1.3"),
  /** 27.2.2 to 27.2.4: host-state area and address-space size. */
  HOST_STATE("27.2.2-27.2.4"),
  /** 27.3.1: guest-state area. */
  GUEST_STATE("27.3.1"),
  /** 27.4: loading MSRs from the VM-entry MSR-load area. */
  MSR_LOADING("27.4");

  private final String sdmSection;

  CheckArea(String sdmSection) {
    this.sdmSection = sdmSection;
  }

  /** The SDM section (current numbering) the area's checks live in. */
  public String sdmSection() {
    return sdmSection;
  }
}
