package dev.vmcscodegen.cli;

import com.google.gson.JsonObject;
import dev.vmcscodegen.runtime.exit.ApicAccessQualification;
import dev.vmcscodegen.runtime.exit.ControlRegisterAccessQualification;
import dev.vmcscodegen.runtime.exit.ControlRegisterAccessType;
import dev.vmcscodegen.runtime.exit.DebugExceptionQualification;
import dev.vmcscodegen.runtime.exit.EptViolationQualification;
import dev.vmcscodegen.runtime.exit.ExitQualification;
import dev.vmcscodegen.runtime.exit.IoAccessSize;
import dev.vmcscodegen.runtime.exit.IoInstructionQualification;
import dev.vmcscodegen.runtime.exit.MovDrQualification;
import dev.vmcscodegen.runtime.exit.TaskSwitchQualification;
import dev.vmcscodegen.runtime.exit.TaskSwitchSource;
import java.util.Locale;

/**
 * The JSON keys of each decoded exit qualification (SDM Vol. 3C 28.2.1): one method a format, the
 * runtime's record in, the contract's keys out. Values the SDM leaves undefined for an access (the
 * register of a CLTS, the LMSW data of a MOV) are {@code null}.
 */
final class QualificationReport {

  private QualificationReport() {}

  /** The format's name and its keys, added to {@code report}. */
  static void add(JsonObject report, ExitQualification qualification) {
    if (qualification instanceof IoInstructionQualification io) {
      io(report, io);
    } else if (qualification instanceof ControlRegisterAccessQualification cr) {
      controlRegister(report, cr);
    } else if (qualification instanceof MovDrQualification dr) {
      movDr(report, dr);
    } else if (qualification instanceof EptViolationQualification ept) {
      eptViolation(report, ept);
    } else if (qualification instanceof ApicAccessQualification apic) {
      apicAccess(report, apic);
    } else if (qualification instanceof TaskSwitchQualification task) {
      taskSwitch(report, task);
    } else if (qualification instanceof DebugExceptionQualification debug) {
      debugException(report, debug);
    } else {
      report.addProperty("format", "raw");
    }
  }

  private static void io(JsonObject report, IoInstructionQualification io) {
    report.addProperty("format", "io_instruction");
    IoAccessSize size = io.accessSize();
    report.addProperty("size", size == IoAccessSize.UNKNOWN ? null : size.bytes());
    report.addProperty("size_code", io.sizeCode());
    report.addProperty("direction", io.in() ? "in" : "out");
    report.addProperty("string", io.string());
    report.addProperty("rep", io.rep());
    report.addProperty("immediate", io.immediateOperand());
    report.addProperty("port", io.port());
    report.addProperty("reserved", Numbers.unsigned(io.reservedBits()));
  }

  private static void controlRegister(JsonObject report, ControlRegisterAccessQualification cr) {
    report.addProperty("format", "control_register_access");
    boolean mov = cr.accessType() == ControlRegisterAccessType.MOV_TO_CR
        || cr.accessType() == ControlRegisterAccessType.MOV_FROM_CR;
    report.addProperty("cr", cr.controlRegister());
    report.addProperty("access_type", lowerCase(cr.accessType()));
    report.addProperty("lmsw_memory_operand", cr.lmswMemoryOperand());
    report.addProperty("gpr", mov ? lowerCase(cr.register()) : null);
    report.addProperty("lmsw_source_data",
        cr.accessType() == ControlRegisterAccessType.LMSW ? Integer.valueOf(cr.lmswSourceData()) : null);
    report.addProperty("reserved", Numbers.unsigned(cr.reservedBits()));
  }

  private static void movDr(JsonObject report, MovDrQualification dr) {
    report.addProperty("format", "mov_dr");
    report.addProperty("dr", dr.debugRegister());
    report.addProperty("direction", dr.movFromDr() ? "from_dr" : "to_dr");
    report.addProperty("gpr", lowerCase(dr.register()));
    report.addProperty("reserved", Numbers.unsigned(dr.reservedBits()));
  }

  private static void eptViolation(JsonObject report, EptViolationQualification ept) {
    report.addProperty("format", "ept_violation");
    report.addProperty("read", ept.dataRead());
    report.addProperty("write", ept.dataWrite());
    report.addProperty("execute", ept.instructionFetch());
    report.addProperty("readable", ept.readable());
    report.addProperty("writable", ept.writable());
    report.addProperty("executable", ept.executable());
    report.addProperty("user_mode_executable", ept.userModeExecutable());
    report.addProperty("guest_linear_address_valid", ept.guestLinearAddressValid());
    report.addProperty("linear_translation", ept.linearAddressTranslation());
    report.addProperty("user_mode_linear_address", ept.userModeLinearAddress());
    report.addProperty("read_write_linear_address", ept.readWriteLinearAddress());
    report.addProperty("execute_disable_linear_address", ept.executeDisableLinearAddress());
    report.addProperty("nmi_unblocking", ept.nmiUnblockingDueToIret());
    report.addProperty("shadow_stack_access", ept.shadowStackAccess());
    report.addProperty("supervisor_shadow_stack", ept.supervisorShadowStack());
    report.addProperty("guest_paging_verification", ept.guestPagingVerification());
    report.addProperty("asynchronous", ept.asynchronousToInstruction());
    report.addProperty("reserved", Numbers.unsigned(ept.reservedBits()));
  }

  private static void apicAccess(JsonObject report, ApicAccessQualification apic) {
    report.addProperty("format", "apic_access");
    report.addProperty("offset", apic.offset());
    report.addProperty("access_type", lowerCase(apic.accessType()));
    report.addProperty("access_type_code", apic.accessTypeCode());
    report.addProperty("asynchronous", apic.asynchronous());
    report.addProperty("reserved", Numbers.unsigned(apic.reservedBits()));
  }

  private static void taskSwitch(JsonObject report, TaskSwitchQualification task) {
    report.addProperty("format", "task_switch");
    report.addProperty("selector", task.selector());
    report.addProperty("source", sourceWord(task.source()));
    report.addProperty("reserved", Numbers.unsigned(task.reservedBits()));
  }

  private static String sourceWord(TaskSwitchSource source) {
    return switch (source) {
      case CALL_INSTRUCTION -> "call";
      case IRET_INSTRUCTION -> "iret";
      case JMP_INSTRUCTION -> "jmp";
      case TASK_GATE_IN_IDT -> "idt";
    };
  }

  private static void debugException(JsonObject report, DebugExceptionQualification debug) {
    report.addProperty("format", "debug_exception");
    for (int n = 0; n < 4; n++) {
      report.addProperty("b" + n, debug.breakpointCondition(n));
    }
    report.addProperty("bld", debug.busLockDetected());
    report.addProperty("bd", debug.debugRegisterAccessDetected());
    report.addProperty("bs", debug.singleInstruction());
    report.addProperty("rtm", debug.rtm());
    report.addProperty("reserved", Numbers.unsigned(debug.reservedBits()));
  }

  private static String lowerCase(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
