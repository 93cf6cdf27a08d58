package io.sigscan.rules.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.load.LoadResult;
import io.sigscan.rules.load.Placeholders;
import io.sigscan.rules.load.RuleLoader;

/**
 * Hand-written fixtures for cidr, comparisons, time parts, fieldref and expand: a rule, events
 * that must match and near misses that must not, each run through the compiled predicate and
 * the interpreter. Events are written {@code "Field=value|Field=value"}; a field given twice is
 * an array, {@code Field=<null>} is JSON null.
 */
class ModifierFixturesTest {

    private static final List<String> FIELDS = List.of("ip", "a", "t", "Image", "TargetFilename", "CommandLine",
            "User", "ParentUser");

    @Test
    void cidrMatchesAddressesInsideIpv4AndIpv6Networks() {
        check("sel:\n  ip|cidr: ['10.0.0.0/8', '192.168.0.0/16', 'fe80::/10', '::1/128']\ncondition: sel",
                List.of("ip=10.1.2.3", "ip=192.168.255.255", "ip=fe80::1", "ip=FE80:0:0:0:0:0:0:1", "ip=fe80::1%eth0",
                        "ip=::1", "ip=0:0:0:0:0:0:0:1", "ip=8.8.8.8|ip=10.0.0.1"),
                List.of("ip=11.0.0.1", "ip=192.169.0.1", "ip=010.1.2.3", "ip=10.1.2", "ip=10.1.2.3.4", "ip=10.1.2.256",
                        "ip=::ffff:10.1.2.3", "ip=fec0::1", "ip=::2", "ip=host-10.1.2.3", "ip=", "ip=10.1.2.3 ",
                        "ip=1:2:3:4:5:6:7:8:9", "ip=:::1", "ip=fe80::1%", "ip=fe80::12345", "a=10.1.2.3"));
    }

    @Test
    void cidrReadsEmbeddedIpv4AndNetmasksAsPythonDoes() {
        check("sel:\n  ip|cidr: ['::ffff:0:0/96', '172.16.0.0/255.240.0.0', '0.0.0.0/0']\ncondition: sel",
                List.of("ip=::ffff:1.2.3.4", "ip=172.31.255.1", "ip=203.0.113.9"),
                List.of("ip=::fffe:1.2.3.4", "ip=2001:db8::1", "ip=not an address"));
    }

    @Test
    void cidrComparesAllOfAnIpv6AddressWhenThePrefixIsLong() {
        check("sel:\n  ip|cidr: ['2001:db8::8/128', '1:2:3:4:5:6:7:0/112']\ncondition: sel",
                List.of("ip=2001:db8::8", "ip=2001:0db8:0:0:0:0:0:0008", "ip=1:2:3:4:5:6:7:ffff", "ip=1:2:3:4:5:6:7::"),
                List.of("ip=2001:db8::9", "ip=2001:db8:0:1::8", "ip=1:2:3:4:5:6:8:0", "ip=1:2:3:4:5:6::7",
                        "ip=2001:db8::0.0.0.8:1"));
    }

    @Test
    void comparisonsReadTheValueAsADecimalNumber() {
        check("sel:\n  a|gt: 10\ncondition: sel",
                List.of("a=11", "a=10.5", "a=1e2", "a=+11", "a=12345678901234567890", "a=10.000000000000000000001"),
                List.of("a=10", "a=10.0", "a=9.99", "a=abc", "a=", "a=0x20", "a= 11", "a=1e1", "a=-11", "a=NaN",
                        "a=inf", "a=1.", "ip=11"));
        check("sel:\n  a|lte: -1.5\ncondition: sel",
                List.of("a=-1.5", "a=-1.50", "a=-2", "a=-1e3", "a=-.15e1"),
                List.of("a=-1.49", "a=0", "a=-0", "a=1.5", "a=-"));
        check("sel:\n  a|gte: 0\ncondition: sel", List.of("a=0", "a=-0.0", "a=.5", "a=3."), List.of("a=-1e-9", "a=."));
    }

    @Test
    void timePartsReadTheTimestampInUtc() {
        check("sel:\n  t|hour: 3\ncondition: sel",
                List.of("t=2024-05-01T03:15:00Z", "t=2024-05-01 03:00:00.123", "t=2024-05-01T05:10:00+02:00",
                        "t=2024-05-01T03:59:59.1234567Z", "t=2024-05-01T03:30", "t=2024-05-01T01:30:00-0130"),
                List.of("t=2024-05-01T04:00:00Z", "t=2024-05-01T03:00:00-01:00", "t=03:00:00", "t=2024-13-01T03:00:00Z",
                        "t=2024-05-01T24:00:00Z", "t=2024-05-01T03:00:60Z", "t=yesterday", "t=2024-05-01",
                        "t=2024-05-01T03:00:00+25:00", "t=2024-05-01T03:00:00 UTC", "t=0000-05-01T03:00:00Z"));
        check("sel:\n  t|day: 1\ncondition: sel",
                List.of("t=2024-02-29T23:30:00-01:00", "t=2024-03-01"),
                List.of("t=2024-03-01T00:30:00+01:00", "t=2023-02-29T10:00:00Z"));
        check("sel:\n  t|week|gte: 52\ncondition: sel",
                List.of("t=2021-01-03T12:00:00Z", "t=2024-12-23T00:00:00Z", "t=2020-12-31"),
                List.of("t=2024-12-30T00:00:00Z", "t=2024-06-01T00:00:00Z", "t=2021-01-04"));
        check("sel:\n  t|month|lt: 3\n  t|year: 2024\ncondition: sel",
                List.of("t=2024-02-10T00:00:00Z", "t=2024-01-01T00:00:00+00:00"),
                List.of("t=2023-02-10T00:00:00Z", "t=2024-03-01T00:00:00Z", "t=2025-01-01T00:30:00+01:00"));
    }

    @Test
    void fieldrefComparesTwoFieldsOfTheSameEvent() {
        check("sel:\n  TargetFilename|fieldref: Image\ncondition: sel",
                List.of("TargetFilename=C:\\a.exe|Image=c:\\A.EXE", "TargetFilename=ÄRGER|Image=ärger",
                        "TargetFilename=x|TargetFilename=y|Image=Y", "TargetFilename=|Image="),
                List.of("TargetFilename=C:\\a.exe|Image=C:\\b.exe", "TargetFilename=C:\\a.exe", "Image=C:\\a.exe",
                        "TargetFilename=C:\\a.exe|Image=C:\\a.exe2", "TargetFilename=Straße|Image=STRASSE",
                        "TargetFilename=<null>|Image=<null>", "TargetFilename=null|Image=<null>"));
        check("sel:\n  CommandLine|fieldref|contains: Image\ncondition: sel",
                List.of("CommandLine=\"C:\\Tools\\x.exe\" -run|Image=c:\\tools\\X.exe", "CommandLine=abc|Image="),
                List.of("CommandLine=x.ex|Image=x.exe", "CommandLine=C:\\Tools\\x.exe"));
        check("sel:\n  CommandLine|fieldref|startswith: Image\n  TargetFilename|fieldref|endswith: User\ncondition: sel",
                List.of("CommandLine=x.exe /c|Image=X.EXE|TargetFilename=C:\\Users\\Bob|User=bob"),
                List.of("CommandLine=/c x.exe|Image=X.EXE|TargetFilename=C:\\Users\\Bob|User=bob",
                        "CommandLine=x.exe /c|Image=X.EXE|TargetFilename=C:\\Users\\Bob|User=C:\\Users\\Bob\\x"));
        check("sel:\n  User|cased|fieldref: ParentUser\ncondition: sel",
                List.of("User=SYSTEM|ParentUser=SYSTEM"), List.of("User=SYSTEM|ParentUser=system"));
        check("sel:\n  User|fieldref|neq: ParentUser\ncondition: sel",
                List.of("User=alice|ParentUser=bob", "User=alice"), List.of("User=alice|ParentUser=ALICE"));
    }

    @Test
    void expandedPlaceholdersMatchAnyOfTheirValues() {
        Placeholders placeholders = Placeholders.parse("values.yml", "admins: [alice, 'svc_*']\n");
        Expr detection = load("sel:\n  User|expand: '%admins%@corp'\ncondition: sel", placeholders);
        check(detection, List.of("User=alice@corp", "User=SVC_backup@corp"), List.of("User=bob@corp", "User=alice"));
    }

    private static void check(String detection, List<String> matching, List<String> nearMisses) {
        check(load(detection, Placeholders.none()), matching, nearMisses);
    }

    private static void check(Expr detection, List<String> matching, List<String> nearMisses) {
        FieldTable fields = PredicateCompilerTest.fields(FIELDS.toArray(new String[0]));
        EventPredicate compiled = PredicateCompiler.compile(detection, fields);
        EventPredicate interpreted = new Interpreter(detection, fields);
        List<String> wrong = new ArrayList<>();
        for (String event : matching) {
            TestEvent view = event(fields, event);
            if (!compiled.test(view) || !interpreted.test(view)) {
                wrong.add("should match: " + event);
            }
        }
        for (String event : nearMisses) {
            TestEvent view = event(fields, event);
            if (compiled.test(view) || interpreted.test(view)) {
                wrong.add("should not match: " + event);
            }
        }
        assertEquals(List.of(), wrong, detection::toString);
    }

    private static Expr load(String detection, Placeholders placeholders) {
        String rule = "title: Fixture\nlogsource:\n    product: windows\ndetection:\n" + detection.indent(4);
        LoadResult result = RuleLoader.defaults().withPlaceholders(placeholders).load("fixture.yml", rule);
        assertEquals(List.of(), result.problems());
        return result.rules().get(0).detection();
    }

    private static TestEvent event(FieldTable fields, String text) {
        TestEvent event = TestEvent.of(fields);
        for (String pair : text.split("\\|")) {
            int equals = pair.indexOf('=');
            String value = pair.substring(equals + 1);
            if (value.equals("<null>")) {
                event.putNull(pair.substring(0, equals));
            } else {
                event.put(pair.substring(0, equals), value);
            }
        }
        return event;
    }
}
