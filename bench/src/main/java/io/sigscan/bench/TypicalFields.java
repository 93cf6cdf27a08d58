package io.sigscan.bench;

import io.sigscan.rules.event.FieldTable;

/**
 * The fields a Windows rule set typically reads: routing fields and the most referenced
 * detection fields of the SigmaHQ Windows rules. Benchmarks of readers project these.
 */
final class TypicalFields {
    private static final String[] NAMES = {
        "EventID", "Channel", "Provider_Name", "Image", "CommandLine", "ParentImage", "ParentCommandLine",
        "OriginalFileName", "User", "IntegrityLevel", "TargetFilename", "TargetObject", "Details", "ImageLoaded",
        "Signed", "DestinationIp", "DestinationPort", "Initiated", "SourceImage", "TargetImage", "GrantedAccess",
        "CallTrace", "ScriptBlockText", "LogonType", "LogonProcessName", "AuthenticationPackageName", "ServiceName",
        "ProcessName", "Hashes", "NewProcessName",
    };

    private TypicalFields() {
    }

    static FieldTable table() {
        FieldTable.Builder builder = FieldTable.builder();
        for (String name : NAMES) {
            builder.add(name);
        }
        return builder.build();
    }
}
