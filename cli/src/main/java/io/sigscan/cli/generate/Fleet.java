package io.sigscan.cli.generate;

import java.util.ArrayList;
import java.util.List;

/** The machines of a mid-sized company: office workstations, developer workstations, build agents. */
final class Fleet {
    static final String DOMAIN = ".corp.example.com";

    private static final String[] PEOPLE = {
        "alice.nguyen", "bram.devries", "chen.wei", "dana.okafor", "emil.larsen", "fatima.zahra", "george.papas",
        "hana.suzuki", "ivan.petrov", "julia.santos", "kofi.mensah", "lena.fischer", "maria.lopez", "nils.berg",
        "olivia.brown", "pavel.novak", "quinn.taylor", "rosa.martin", "sam.cohen", "tariq.aziz",
    };

    /** Where the compromised package first ran: a developer's workstation. */
    static final Host COMPROMISED_WORKSTATION = new Host("DEV-WS-017" + DOMAIN, "CORP\\maria.lopez", true, false);
    /** Where it ran next: a CI agent installing the same dependency under its service account. */
    static final Host COMPROMISED_BUILD_AGENT = new Host("BUILD-03" + DOMAIN, "CORP\\svc-build", false, true);

    private Fleet() {
    }

    static List<Host> hosts() {
        List<Host> hosts = new ArrayList<>();
        for (int i = 1; i <= 48; i++) {
            hosts.add(new Host(String.format("WS-%03d", i) + DOMAIN, "CORP\\" + PEOPLE[i % PEOPLE.length], false, false));
        }
        for (int i = 1; i <= 24; i++) {
            hosts.add(i == 17 ? COMPROMISED_WORKSTATION
                    : new Host(String.format("DEV-WS-%03d", i) + DOMAIN, "CORP\\" + PEOPLE[(i * 7) % PEOPLE.length], true, false));
        }
        for (int i = 1; i <= 6; i++) {
            hosts.add(i == 3 ? COMPROMISED_BUILD_AGENT : new Host(String.format("BUILD-%02d", i) + DOMAIN, "CORP\\svc-build", false, true));
        }
        return List.copyOf(hosts);
    }
}
