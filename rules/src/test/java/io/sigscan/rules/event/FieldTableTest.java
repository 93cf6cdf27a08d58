package io.sigscan.rules.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FieldTableTest {

    @Test
    void findsEachNameInAnyRangeAndNothingElse() {
        FieldTable.Builder builder = FieldTable.builder();
        String[] names = {"Image", "CommandLine", "ParentCommandLine", "Logon Type", "winlog.event_data.Image", "a"};
        int[] slots = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            slots[i] = builder.add(names[i]);
        }
        FieldTable table = builder.build();
        assertEquals(names.length + 1, table.size());
        for (int i = 0; i < names.length; i++) {
            String stored = names[i].replace(" ", "");
            byte[] padded = ("xyz" + stored + "....").getBytes(StandardCharsets.UTF_8);
            assertEquals(slots[i], table.slotOf(padded, 3, stored.length()), stored);
            assertEquals(slots[i], table.slotOf(names[i]), names[i]);
            // A prefix or an extension of a name is another name.
            assertEquals(FieldTable.ABSENT, table.slotOf(padded, 3, stored.length() - 1), stored + " minus one");
            assertEquals(FieldTable.ABSENT, table.slotOf(padded, 3, stored.length() + 1), stored + " plus one");
        }
        assertEquals("<keywords>", table.name(EventView.KEYWORDS));
        assertEquals("LogonType", table.name(slots[3]));
    }

    @Test
    void aPrecomputedHashFindsTheSameSlot() {
        FieldTable.Builder builder = FieldTable.builder();
        int slot = builder.add("TargetFilename");
        FieldTable table = builder.build();
        byte[] name = "TargetFilename".getBytes(StandardCharsets.UTF_8);
        assertEquals(slot, table.slotOf(name, 0, name.length, FieldTable.hash(name, 0, name.length)));
    }
}
