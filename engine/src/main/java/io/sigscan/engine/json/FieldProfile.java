package io.sigscan.engine.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the keys of one JSON shape map onto the field names Sigma rules use. Chosen per input file
 * (by name, or detected from its first records) and applied while projecting, so rules never see
 * the difference between a flat Sysmon export and a Winlogbeat document.
 *
 * <ul>
 *   <li>{@link #SIGMA}: keys already named as Sigma rules name them: flat Sysmon / NXLog exports
 *       ({@code Image}), and nested EVTX-to-JSON dumps ({@code Event.EventData.Image}), which the
 *       JSON reader flattens for every profile.</li>
 *   <li>{@link #ECS}: Winlogbeat / Elastic Common Schema documents: {@code winlog.event_data.X}
 *       and {@code winlog.user_data.X} are {@code X}; {@code winlog.channel} is {@code Channel};
 *       ECS process, file, registry, network and DNS fields are the Sysmon names they hold.</li>
 * </ul>
 *
 * <p>A renamed key keeps its own name too: a rule may still ask for {@code process.executable}.
 * Where a document carries the same field twice ({@code winlog.event_data.Image} and
 * {@code process.executable}), the Sigma name has both values and matches if either does.
 *
 * <p>The set is closed (instances are the constants here) so that each file's reader can be
 * shared by every file of the same profile.
 */
public final class FieldProfile {

    public static final FieldProfile SIGMA = new FieldProfile(0, "sigma", Map.of(), List.of());

    public static final FieldProfile ECS = new FieldProfile(1, "ecs", ecsRenames(),
            List.of("winlog.event_data", "winlog.user_data"));

    /** Every profile, in the order {@code --profile} lists them. */
    public static final List<FieldProfile> ALL = List.of(SIGMA, ECS);

    private final int index;
    private final String name;
    private final Map<String, String> renames;
    private final List<String> sections;

    private FieldProfile(int index, String name, Map<String, String> renames, List<String> sections) {
        this.index = index;
        this.name = name;
        this.renames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(renames));
        this.sections = List.copyOf(sections);
    }

    /** The name {@code --profile} takes. */
    public String name() {
        return name;
    }

    /** Full dotted key path → Sigma field name. */
    public Map<String, String> renames() {
        return renames;
    }

    /** Dotted key paths of objects whose members are named by their own key. */
    public List<String> sections() {
        return sections;
    }

    /** Position in {@link #ALL}. */
    int index() {
        return index;
    }

    /** The profile called {@code name} (ignoring case), or null when there is none. */
    public static FieldProfile named(String name) {
        for (FieldProfile profile : ALL) {
            if (profile.name.equals(name.toLowerCase(Locale.ROOT))) {
                return profile;
            }
        }
        return null;
    }

    /** Winlogbeat's own fields and the ECS fields its Sysmon and Security processors fill in. */
    private static Map<String, String> ecsRenames() {
        Map<String, String> renames = new LinkedHashMap<>();
        renames.put("winlog.channel", "Channel");
        renames.put("winlog.event_id", "EventID");
        renames.put("winlog.provider_name", "Provider_Name");
        renames.put("winlog.computer_name", "Computer");
        renames.put("winlog.record_id", "EventRecordID");
        renames.put("host.name", "Computer");
        renames.put("process.executable", "Image");
        renames.put("process.command_line", "CommandLine");
        renames.put("process.pid", "ProcessId");
        renames.put("process.entity_id", "ProcessGuid");
        renames.put("process.working_directory", "CurrentDirectory");
        renames.put("process.pe.original_file_name", "OriginalFileName");
        renames.put("process.pe.description", "Description");
        renames.put("process.pe.product", "Product");
        renames.put("process.pe.company", "Company");
        renames.put("process.pe.file_version", "FileVersion");
        renames.put("process.parent.executable", "ParentImage");
        renames.put("process.parent.command_line", "ParentCommandLine");
        renames.put("process.parent.pid", "ParentProcessId");
        renames.put("process.parent.entity_id", "ParentProcessGuid");
        renames.put("file.path", "TargetFilename");
        renames.put("registry.path", "TargetObject");
        renames.put("source.ip", "SourceIp");
        renames.put("source.port", "SourcePort");
        renames.put("destination.ip", "DestinationIp");
        renames.put("destination.port", "DestinationPort");
        renames.put("destination.domain", "DestinationHostname");
        renames.put("dns.question.name", "QueryName");
        renames.put("powershell.file.script_block_text", "ScriptBlockText");
        return renames;
    }

    @Override
    public String toString() {
        return name;
    }
}
