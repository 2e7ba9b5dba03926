/* test_fields.c - the field registry's API (src/fields.h): lookups the
 * later filters and -e extraction will make, by protocol and family. */
#include <string.h>

#include "fields.h"
#include "t.h"

static const char *kind_of(const char *name, const char *path)
{
	const struct nl_field *f = field_lookup(name, path);
	return f ? f->kind : NULL;
}

int main(void)
{
	size_t n, all;

	/* the core's members, under any name */
	CHECK_STR(kind_of("route", "nlmsg.type"), "enum");
	CHECK_STR(kind_of("ovs_flow", "nlmsg.seq"), "u32");
	CHECK_STR(kind_of("nlctrl", "genl.cmd"), "enum");
	CHECK_STR(kind_of("route", "error.code"), "s32");
	CHECK_STR(kind_of("route", "error.ext_ack.msg"), "string");
	CHECK_STR(kind_of("route", "error.ext_ack.offs"), "u32");

	/* from the tables: header struct, attributes, nested sets */
	CHECK_STR(kind_of("route", "ifinfomsg.index"), "s32");
	CHECK_STR(kind_of("route", "attrs.ifname"), "string");
	CHECK_STR(kind_of("route", "attrs.linkinfo.kind"), "string");
	CHECK_STR(kind_of("nlctrl", "attrs.family_id"), "u16");
	CHECK_STR(kind_of("nlctrl", "attrs.ops.flags"), "flags");
	/* a callback's declared shape: linkinfo data by kind (bridge) */
	CHECK_STR(kind_of("route", "attrs.linkinfo.data.stp_state"), "enum");
	/* the echoed request reads as a message */
	CHECK_STR(kind_of("route", "error.request.ifinfomsg.index"), "s32");
	/* through OVS encap (a key inside a key) as the outer key's path */
	CHECK_STR(kind_of("ovs_flow", "attrs.key.encap.encap.ipv4.src"), "ipv4");
	const struct nl_field *enc = field_lookup("ovs_flow", "attrs.key.encap");
	CHECK(enc && enc->same_as && !strcmp(enc->same_as, "attrs.key"));
	/* the generic members of any set */
	CHECK_STR(kind_of("route", "attrs.linkinfo.trailing"), "bytes");

	/* not fields */
	CHECK(!field_lookup("route", "attrs.no_such_attribute"));
	CHECK(!field_lookup("route", "attrs.key.ipv4.src"));	/* an OVS path */
	CHECK(!field_lookup("nlctrl", "ifinfomsg.index"));	/* a route path */

	/* fields_for: one name's rows only, within the whole list */
	fields_all(&all);
	CHECK(all > 1000);
	const struct nl_field *f = fields_for("ovs_flow", &n);
	CHECK(f && n > 50 && n < all);
	for (size_t i = 0; f && i < n; i++)
		CHECK_STR(f[i].proto, "ovs_flow");
	CHECK(fields_for("core", &n) && n > 10);
	CHECK(!fields_for("no_such_family", &n) && n == 0);

	/* built again after a free, the same */
	fields_free();
	CHECK_STR(kind_of("route", "attrs.linkinfo.kind"), "string");
	fields_all(&n);
	CHECK_EQ(n, all);
	fields_free();
	return t_done("test_fields");
}
