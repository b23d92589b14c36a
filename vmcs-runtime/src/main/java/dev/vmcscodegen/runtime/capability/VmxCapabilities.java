package dev.vmcscodegen.runtime.capability;

import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.problem.Problems;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.control.ControlKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * An immutable profile of a processor's VMX capability MSRs (SDM Vol. 3D Appendix A): the raw values
 * of every MSR that exists, and their decoded views. MSRs that do not exist on the profiled processor
 * (for example IA32_VMX_PROCBASED_CTLS3 when bit 49 of IA32_VMX_PROCBASED_CTLS is 0) are absent, and
 * the accessors for them return empty.
 *
 * <p>Three ways to make one: {@link #read} a backend's MSRs, {@link #parse} or {@link #load} the text
 * form ({@code MSR VALUE} lines, see {@link #toProfileText()}), or {@link #of} a map. Every way checks
 * that exactly the MSRs the SDM's rules make exist are present.
 */
public final class VmxCapabilities {

  /** The classpath resource of {@link #sample()}. */
  public static final String SAMPLE_RESOURCE = "sample-coffee-lake.msr";

  private final Map<VmxCapabilityMsr, Long> values;
  /** {@link #controlCapability} of every kind, decided once: the profile is immutable. */
  private final Map<ControlKind, Optional<ControlCapability>> controls;

  private VmxCapabilities(Map<VmxCapabilityMsr, Long> values) {
    this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    Map<ControlKind, Optional<ControlCapability>> byKind = new EnumMap<>(ControlKind.class);
    for (ControlKind kind : ControlKind.values()) {
      byKind.put(kind, decideControlCapability(kind));
    }
    this.controls = Collections.unmodifiableMap(byKind);
  }

  /** A profile of values already checked by {@link MsrPresence}. */
  static VmxCapabilities ofChecked(Map<VmxCapabilityMsr, Long> values) {
    return new VmxCapabilities(values);
  }

  /**
   * A profile of the given MSR values.
   *
   * @throws ProblemException if an MSR that must exist is missing or one that cannot exist is present
   *     (ids of {@link CapabilityProblem}, no file, line 0)
   * @throws NullPointerException if an MSR is mapped to null
   */
  public static VmxCapabilities of(Map<VmxCapabilityMsr, Long> values) {
    Map<VmxCapabilityMsr, Long> copy = values.isEmpty()
        ? new EnumMap<>(VmxCapabilityMsr.class) : new EnumMap<>(values);
    copy.forEach((msr, value) -> Objects.requireNonNull(value, () -> msr.describe() + " is mapped to null"));
    new Problems().addAll(MsrPresence.problems(copy, Map.of(), "")).throwIfErrors();
    return new VmxCapabilities(copy);
  }

  /**
   * Reads the capability MSRs through the backend's RDMSR, each once, in address order, and only those
   * that exist by the rules of SDM Vol. 3D Appendix A (reading another would fault with #GP).
   */
  public static VmxCapabilities read(VmxInstructions vmx) {
    Map<VmxCapabilityMsr, Long> read = new EnumMap<>(VmxCapabilityMsr.class);
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      if (MsrPresence.exists(msr, read)) {
        read.put(msr, vmx.rdmsr(msr.address()));
      }
    }
    return new VmxCapabilities(read);
  }

  /**
   * Parses the text form: one {@code MSR VALUE} pair a line, both hexadecimal with an optional
   * {@code 0x}, the MSR also by name ({@code IA32_VMX_BASIC}); {@code #} at the start of a line or
   * after white space starts a comment.
   *
   * @throws ProblemException listing every malformed line, or else every MSR missing or present against the
   *     SDM's rules (ids of {@link CapabilityProblem})
   */
  public static VmxCapabilities parse(String text) {
    return parse(text, "<text>");
  }

  /** As {@link #parse(String)}, naming {@code file} in problems ({@code FILE:LINE}). */
  public static VmxCapabilities parse(String text, String file) {
    return VmxCapabilitiesParser.parse(text, file);
  }

  /**
   * Reads and parses a profile file (UTF-8).
   *
   * @throws IOException if the file cannot be read
   * @throws ProblemException if its content is not a valid profile
   */
  public static VmxCapabilities load(Path path) throws IOException {
    return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
  }

  /**
   * A realistic profile shipped with the library: an Intel Core (Coffee Lake, family 6 model 158)
   * processor's capability MSRs as logged by VirtualBox; the resource names its source.
   */
  public static VmxCapabilities sample() {
    try (InputStream in = VmxCapabilities.class.getResourceAsStream(SAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + SAMPLE_RESOURCE + " is missing from the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SAMPLE_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the profiled processor has this MSR. */
  public boolean has(VmxCapabilityMsr msr) {
    return values.containsKey(msr);
  }

  /** The raw value of an MSR; empty if the processor does not have it. */
  public OptionalLong value(VmxCapabilityMsr msr) {
    Long value = values.get(msr);
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /** Every MSR's raw value keyed by address, in address order: what a software backend serves to RDMSR. */
  public Map<Integer, Long> msrs() {
    Map<Integer, Long> byAddress = new TreeMap<>();
    values.forEach((msr, value) -> byAddress.put(msr.address(), value));
    return Collections.unmodifiableMap(byAddress);
  }

  /** IA32_VMX_BASIC, decoded (SDM Vol. 3D A.1). */
  public VmxBasic basic() {
    return new VmxBasic(required(VmxCapabilityMsr.IA32_VMX_BASIC));
  }

  /** IA32_VMX_MISC, decoded (SDM Vol. 3D A.6). */
  public VmxMisc misc() {
    return new VmxMisc(required(VmxCapabilityMsr.IA32_VMX_MISC));
  }

  /** IA32_VMX_CR0_FIXED0 and IA32_VMX_CR0_FIXED1 (SDM Vol. 3D A.7). */
  public FixedBits cr0Fixed() {
    return new FixedBits(required(VmxCapabilityMsr.IA32_VMX_CR0_FIXED0), required(VmxCapabilityMsr.IA32_VMX_CR0_FIXED1));
  }

  /** IA32_VMX_CR4_FIXED0 and IA32_VMX_CR4_FIXED1 (SDM Vol. 3D A.8). */
  public FixedBits cr4Fixed() {
    return new FixedBits(required(VmxCapabilityMsr.IA32_VMX_CR4_FIXED0), required(VmxCapabilityMsr.IA32_VMX_CR4_FIXED1));
  }

  /** IA32_VMX_VMCS_ENUM, decoded (SDM Vol. 3D A.9). */
  public VmcsEnumeration vmcsEnumeration() {
    return new VmcsEnumeration(required(VmxCapabilityMsr.IA32_VMX_VMCS_ENUM));
  }

  /** IA32_VMX_EPT_VPID_CAP, decoded (SDM Vol. 3D A.10); empty if neither EPT nor VPID may be enabled. */
  public Optional<EptVpidCapability> eptVpidCapability() {
    return Optional.ofNullable(values.get(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP)).map(EptVpidCapability::new);
  }

  /** The allowed 1-settings of the VM-function controls from IA32_VMX_VMFUNC (SDM Vol. 3D A.11); empty if VM functions cannot be enabled. */
  public Optional<AllowedSettings> vmFunctionControls() {
    return Optional.ofNullable(values.get(VmxCapabilityMsr.IA32_VMX_VMFUNC)).map(AllowedSettings::fromAllowed1Mask);
  }

  /**
   * The allowed settings of a control field: from its TRUE capability MSR when IA32_VMX_BASIC bit 55 is
   * 1 and the field has one, else from its plain capability MSR (SDM Vol. 3D A.2, and SDM Vol. 3C
   * 31.5.1 Algorithm 3). Empty when that MSR does not exist: the processor does not support the field
   * (no secondary controls, no tertiary controls, no secondary VM-exit controls).
   */
  public Optional<ControlCapability> controlCapability(ControlKind kind) {
    return controls.get(kind);
  }

  private Optional<ControlCapability> decideControlCapability(ControlKind kind) {
    VmxCapabilityMsr msr = kind.capabilityMsrInForce(basic().trueControls());
    Long value = values.get(msr);
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(new ControlCapability(kind, msr, AllowedSettings.fromMsr(value, kind.width())));
  }

  /** The text form {@link #parse} reads back: one {@code 0xMSR 0xVALUE # NAME} line an MSR, in address order. */
  public String toProfileText() {
    StringBuilder text = new StringBuilder();
    values.forEach((msr, value) -> text.append(String.format("0x%03X 0x%016X  # %s%n", msr.address(), value, msr.name())));
    return text.toString();
  }

  private long required(VmxCapabilityMsr msr) {
    Long value = values.get(msr);
    if (value == null) {
      throw new IllegalStateException(msr.describe() + " is missing from a checked profile");
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VmxCapabilities that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "VmxCapabilities" + msrs();
  }
}
