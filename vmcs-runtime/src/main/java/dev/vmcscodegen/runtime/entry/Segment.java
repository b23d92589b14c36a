package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.arch.AccessRightsLayout.*;

import dev.vmcscodegen.runtime.arch.SegmentSelector;

/**
 * A view of one guest segment register in an {@link EntryState}: each accessor reads the field it
 * needs, so a check reads only what it uses (SDM Vol. 3C 25.4.1, Table 25-2).
 */
public final class Segment {

  private final EntryState state;
  private final GuestSegment register;

  Segment(EntryState state, GuestSegment register) {
    this.state = state;
    this.register = register;
  }

  /** Which register. */
  public GuestSegment register() {
    return register;
  }

  /** The selector. */
  public long selector() {
    return state.field(register.selector());
  }

  /** The base address. */
  public long base() {
    return state.field(register.base());
  }

  /** The limit. */
  public long limit() {
    return state.field(register.limit());
  }

  /** The access rights. */
  public long accessRights() {
    return state.field(register.accessRights());
  }

  /** Type, bits 3:0. */
  public long type() {
    return accessRights() & TYPE;
  }

  /** DPL, bits 6:5. */
  public long dpl() {
    return (accessRights() >>> DPL_SHIFT) & DPL_MASK;
  }

  /** RPL, selector bits 1:0. */
  public long rpl() {
    return selector() & SegmentSelector.RPL;
  }

  /** Whether the register is usable: access-rights bit 16 is 0. */
  public boolean usable() {
    return (accessRights() & UNUSABLE) == 0;
  }

  /** Whether an access-rights bit is 1. */
  public boolean has(long bit) {
    return (accessRights() & bit) != 0;
  }

  /** Whether limit and G agree: limit bits 11:0 all 1 unless G is 0, bits 31:20 all 0 unless G is 1. */
  public boolean granularityConsistent() {
    long limit = limit();
    boolean g = has(G);
    if ((limit & Rules.bits(11, 0)) != Rules.bits(11, 0) && g) {
      return false;
    }
    return Rules.clear(limit, 31, 20) || g;
  }
}
