package dev.vmcscodegen.cli;

import dev.vmcscodegen.runtime.exit.ExitReason;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --reason} of {@code vmcs decode qualification}: a basic exit reason by number or by name
 * (case-insensitive, {@code -} for {@code _}: {@code io-instruction}; short names {@code io}, {@code cr},
 * {@code dr}, {@code ept}, {@code apic}), or {@code debug-exception}
 * ({@code db}) for a #DB exception exit, which is basic reason 0 with vector 1 (SDM Vol. 3C 28.2.1).
 *
 * @param reason the basic exit reason, {@link ExitReason#EXCEPTION_OR_NMI} for a debug exception
 * @param debugException whether the exit is a #DB exception, whose qualification has its own format
 */
public record QualificationReason(ExitReason reason, boolean debugException) {

  /** The basic exit reason is bits 15:0 of the exit-reason field (SDM Vol. 3C 25.9.1). */
  private static final int BASIC_REASON_BITS = 16;

  /** Short names for the reasons with a structured qualification. */
  private static final Map<String, ExitReason> SHORT_NAMES = Map.of(
      "IO", ExitReason.IO_INSTRUCTION,
      "CR", ExitReason.CONTROL_REGISTER_ACCESSES,
      "DR", ExitReason.MOV_DR,
      "EPT", ExitReason.EPT_VIOLATION,
      "APIC", ExitReason.APIC_ACCESS);

  /** Reads the option's text. */
  public static final class Converter implements ITypeConverter<QualificationReason> {
    @Override
    public QualificationReason convert(String text) {
      return parse(text);
    }
  }

  /**
   * Parses a reason.
   *
   * @throws TypeConversionException if {@code text} is neither a 16-bit number nor a reason name
   */
  public static QualificationReason parse(String text) {
    String word = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    if (word.equals("DEBUG_EXCEPTION") || word.equals("DB")) {
      return new QualificationReason(ExitReason.EXCEPTION_OR_NMI, true);
    }
    ExitReason alias = SHORT_NAMES.get(word);
    if (alias != null) {
      return new QualificationReason(alias, false);
    }
    if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
      long number = UnsignedNumberConverter.parse(text);
      if ((number >>> BASIC_REASON_BITS) != 0) {
        throw new TypeConversionException("basic exit reason " + text + " does not fit bits 15:0");
      }
      return new QualificationReason(ExitReason.fromNumber((int) number), false);
    }
    for (ExitReason reason : ExitReason.values()) {
      if (reason != ExitReason.UNKNOWN && reason.name().equals(word)) {
        return new QualificationReason(reason, false);
      }
    }
    throw new TypeConversionException("'" + text + "' is not an exit reason: give a number (30, 0x1E) or a"
        + " name of SDM Vol. 3D Table C-1 (IO_INSTRUCTION, EPT_VIOLATION, ...), io, cr, dr, ept, apic"
        + " or debug-exception");
  }
}
