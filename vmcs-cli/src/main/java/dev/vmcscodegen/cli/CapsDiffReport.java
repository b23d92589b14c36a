package dev.vmcscodegen.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.vmcscodegen.runtime.capability.ProfileDiff;
import dev.vmcscodegen.runtime.capability.ProfileDifference;
import java.io.PrintWriter;
import java.util.List;

/** What {@code vmcs caps --diff A B} prints: every difference, then whether controls resolved on A run on B. */
final class CapsDiffReport {

  private CapsDiffReport() {}

  /** Text: the differences grouped by MSR or field, {@code item: A -> B}, then the portability verdict. */
  static void printText(PrintWriter out, String first, String second, ProfileDiff diff, List<String> problems) {
    out.println(diff.differences().size() + (diff.differences().size() == 1 ? " difference" : " differences")
        + " from " + first + " to " + second + " (SDM Vol. 3D Appendix A)");
    String area = null;
    for (ProfileDifference difference : diff.differences()) {
      if (!difference.area().equals(area)) {
        area = difference.area();
        out.println(area + " (" + difference.sdmReference() + ")");
      }
      out.println("  " + difference.item() + ": " + difference.first() + " -> " + difference.second());
    }
    if (problems.isEmpty()) {
      out.println("The controls resolved on " + first + " run on " + second + ".");
    } else {
      out.println("The controls resolved on " + first + " do not run on " + second + ":");
      problems.forEach(problem -> out.println("  " + problem));
    }
    out.flush();
  }

  /** {@code {"first","second","differences":[{"area","item","first","second","sdm"}],"portable","problems":[...]}}. */
  static JsonObject json(String first, String second, ProfileDiff diff, List<String> problems) {
    JsonObject report = new JsonObject();
    report.addProperty("first", first);
    report.addProperty("second", second);
    JsonArray differences = new JsonArray();
    for (ProfileDifference difference : diff.differences()) {
      JsonObject row = new JsonObject();
      row.addProperty("area", difference.area());
      row.addProperty("item", difference.item());
      row.addProperty("first", difference.first());
      row.addProperty("second", difference.second());
      row.addProperty("sdm", difference.sdmReference());
      differences.add(row);
    }
    report.add("differences", differences);
    report.addProperty("portable", problems.isEmpty());
    JsonArray list = new JsonArray();
    problems.forEach(list::add);
    report.add("problems", list);
    return report;
  }
}
