/*
 * Excerpt for tests/check_spec_numbers.py: the numbers of the acpi_event
 * generic netlink family as drivers/acpi/event.c of Linux defines them
 * (the kernel has no header for them).  Facts only, no code.
 */
enum {
	ACPI_GENL_ATTR_UNSPEC,
	ACPI_GENL_ATTR_EVENT,
	__ACPI_GENL_ATTR_MAX,
};

enum {
	ACPI_GENL_CMD_UNSPEC,
	ACPI_GENL_CMD_EVENT,
	__ACPI_GENL_CMD_MAX,
};

#define ACPI_GENL_FAMILY_NAME		"acpi_event"
#define ACPI_GENL_VERSION		0x01
#define ACPI_GENL_MCAST_GROUP_NAME	"acpi_mc_group"
