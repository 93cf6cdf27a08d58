package io.sigscan.cli.generate;

/**
 * A machine that logs process creations.
 *
 * @param name      fully qualified computer name
 * @param user      the interactive (or, for build agents, service) account
 * @param developer runs editors, git and node builds
 * @param buildAgent runs CI jobs under a service account
 */
record Host(String name, String user, boolean developer, boolean buildAgent) {

    /** The computer name without its domain, as NetBIOS and machine accounts use it. */
    String shortName() {
        return name.substring(0, name.indexOf('.'));
    }

    /** The machine's IPv4 address on the office network, stable per name. */
    String address() {
        int h = name.hashCode() & 0x7fffffff;
        return "10.1." + (1 + h % 200) + "." + (1 + (h >>> 8) % 250);
    }

    /** {@code C:\Users\maria.lopez\} for the machine's user. */
    String home() {
        return "C:\\Users\\" + EventRenderer.accountName(user) + "\\";
    }
}
