/* test_genlmap.c - unit tests for the generic netlink family map and for
 * learning it from nlctrl messages (dissectors/genl.c's learn hook).
 *
 * Usage: test_genlmap GENL_CTRL_LIST_FILE
 * (captures/genl_ctrl.truth/genl-families.txt: `genl ctrl list` output)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "genlmap.h"
#include "nlcore.h"
#include "registry.h"
#include "state.h"

static int failures, checks;

#define CHECK(cond) check((cond), #cond, __FILE__, __LINE__)

static void check(int ok, const char *what, const char *file, int line)
{
	checks++;
	if (!ok) {
		failures++;
		fprintf(stderr, "%s:%d: FAILED: %s\n", file, line, what);
	}
}

static const char *name_of(const struct genl_map *m, uint16_t id)
{
	const struct genl_family *f = genl_map_get(m, id);
	return f ? f->name : NULL;
}

/* the entry for id, or an empty stand-in (so a failed check does not crash) */
static const struct genl_family *fam(const struct genl_map *m, uint16_t id)
{
	static const struct genl_family none = { .src = 0xff };
	const struct genl_family *f = genl_map_get(m, id);
	return f ? f : &none;
}

static int name_is(const struct genl_map *m, uint16_t id, const char *want)
{
	const char *n = name_of(m, id);
	if (!want)
		return n == NULL;
	return n && !strcmp(n, want);
}

/* ---- building nlctrl messages (payload after the nlmsghdr) ---- */

struct buf {
	uint8_t b[1024];
	size_t n;
};

static void put(struct buf *b, const void *p, size_t n)
{
	memcpy(b->b + b->n, p, n);
	b->n += n;
	while (b->n % 4)
		b->b[b->n++] = 0;
}

static void put_u16(uint8_t *p, uint16_t v) { memcpy(p, &v, 2); }

/* attribute header at b->n; returns its offset for nest_end */
static size_t attr(struct buf *b, uint16_t type, const void *p, size_t n)
{
	size_t at = b->n;
	uint8_t h[4];
	put_u16(h, (uint16_t)(4 + n));
	put_u16(h + 2, type);
	memcpy(b->b + b->n, h, 4);
	b->n += 4;
	if (n)
		put(b, p, n);
	return at;
}

static size_t nest_begin(struct buf *b, uint16_t type) { return attr(b, type, NULL, 0); }

static void nest_end(struct buf *b, size_t at)
{
	put_u16(b->b + at, (uint16_t)(b->n - at));
}

static void attr_u16(struct buf *b, uint16_t type, uint16_t v) { attr(b, type, &v, 2); }
static void attr_u32(struct buf *b, uint16_t type, uint32_t v) { attr(b, type, &v, 4); }
static void attr_str(struct buf *b, uint16_t type, const char *s) { attr(b, type, s, strlen(s) + 1); }

/* CTRL_CMD_* message for family id/name with groups {gid[i], gname[i]} */
static void ctrl_msg(struct buf *b, uint8_t cmd, uint16_t id, const char *name,
		     uint32_t version, uint32_t hdrsize, unsigned ngroups,
		     const uint32_t *gid, const char *const *gname)
{
	uint8_t genlhdr[4] = { cmd, 2, 0, 0 };

	b->n = 0;
	put(b, genlhdr, 4);
	attr_str(b, 2, name);		/* CTRL_ATTR_FAMILY_NAME */
	attr_u16(b, 1, id);		/* CTRL_ATTR_FAMILY_ID */
	attr_u32(b, 3, version);	/* CTRL_ATTR_VERSION */
	attr_u32(b, 4, hdrsize);	/* CTRL_ATTR_HDRSIZE */
	attr_u32(b, 5, 7);		/* CTRL_ATTR_MAXATTR */
	if (ngroups) {
		size_t groups = nest_begin(b, 7);	/* CTRL_ATTR_MCAST_GROUPS */
		for (unsigned i = 0; i < ngroups; i++) {
			size_t one = nest_begin(b, (uint16_t)(i + 1));
			attr_u32(b, 2, gid[i]);		/* CTRL_ATTR_MCAST_GRP_ID */
			attr_str(b, 1, gname[i]);	/* CTRL_ATTR_MCAST_GRP_NAME */
			nest_end(b, one);
		}
		nest_end(b, groups);
	}
}

static void learn(struct nlstate *st, const struct buf *b, uint16_t flags)
{
	const struct nl_dissector *genl = nl_dissector_for_proto(16);
	struct nlc c = nlc_init(b->b, b->n, b->n);

	genl->learn(st, 0x10, flags, c);
}

static void learn_new(struct nlstate *st, uint16_t id, const char *name)
{
	struct buf b;
	ctrl_msg(&b, 1, id, name, 1, 0, 0, NULL, NULL);
	learn(st, &b, 0);
}

static void learn_del(struct nlstate *st, uint16_t id, const char *name)
{
	struct buf b;
	ctrl_msg(&b, 2, id, name, 1, 0, 0, NULL, NULL);
	learn(st, &b, 0);
}

/* ---- tests ---- */

static void test_basics(void)
{
	struct genl_map *m = genl_map_new();

	CHECK(m != NULL);
	CHECK(name_is(m, 0x10, "nlctrl"));	/* fixed */
	CHECK(genl_map_count(m) == 1);
	CHECK(name_is(m, 0x1d, NULL));

	struct genl_family *f = genl_map_set(m, 0x1d, "ovs_flow", GENL_SRC_CAPTURE, false);
	CHECK(f && f->id == 0x1d);
	CHECK(name_is(m, 0x1d, "ovs_flow"));
	CHECK(genl_map_count(m) == 2);
	/* the cached dissector: nlctrl has one, an unknown family none */
	CHECK(fam(m, 0x10)->dis != NULL);
	CHECK(fam(m, 0x1d)->dis == NULL ||
	      !strcmp(fam(m, 0x1d)->dis->genl_family, "ovs_flow"));

	genl_map_del(m, 0x1d, GENL_SRC_CAPTURE);
	CHECK(name_is(m, 0x1d, NULL));
	CHECK(genl_map_count(m) == 1);
	genl_map_del(m, 0x1d, GENL_SRC_CAPTURE);	/* twice: no effect */
	CHECK(genl_map_count(m) == 1);
	genl_map_del(m, 0x10, GENL_SRC_CAPTURE);	/* nlctrl stays */
	CHECK(name_is(m, 0x10, "nlctrl"));

	/* re-use of an id by another family */
	genl_map_set(m, 0x20, "a", GENL_SRC_CAPTURE, false);
	genl_map_set(m, 0x20, "b", GENL_SRC_CAPTURE, false);
	CHECK(name_is(m, 0x20, "b"));
	CHECK(genl_map_count(m) == 2);
	genl_map_free(m);
}

static void test_user_override(void)
{
	struct genl_map *m = genl_map_new();

	CHECK(genl_map_parse_spec(m, "myfam=0x1d"));
	CHECK(name_is(m, 0x1d, "myfam"));
	CHECK(fam(m, 0x1d)->src == GENL_SRC_USER);
	/* the capture cannot rename or delete a user entry */
	CHECK(genl_map_set(m, 0x1d, "ovs_flow", GENL_SRC_CAPTURE, false) == NULL);
	CHECK(name_is(m, 0x1d, "myfam"));
	genl_map_del(m, 0x1d, GENL_SRC_CAPTURE);
	CHECK(name_is(m, 0x1d, "myfam"));
	/* ... but may refresh the details of the same family */
	struct genl_family *f = genl_map_set(m, 0x1d, "myfam", GENL_SRC_CAPTURE, false);
	CHECK(f != NULL && fam(m, 0x1d)->src == GENL_SRC_USER);
	/* a later user entry wins over an earlier one */
	CHECK(genl_map_parse_spec(m, "other=29"));
	CHECK(name_is(m, 0x1d, "other"));
	/* the user may delete their own */
	genl_map_del(m, 0x1d, GENL_SRC_USER);
	CHECK(name_is(m, 0x1d, NULL));
	genl_map_free(m);
}

static void test_parse_spec(void)
{
	struct genl_map *m = genl_map_new();
	static const char *const bad[] = {
		"", "=", "ovs_flow", "ovs_flow=", "=29", "ovs_flow=abc", "ovs_flow=65536",
		"ovs_flow=-1", "ovs_flow=29x", "ovs_flow=0x", " ovs=29", "ovs =29", "a=b=29",
		"ovs_flow= 29", "ovs_flow=+29", "ovs_flow=1e3",
		"a_name_that_is_far_too_long_for_a_family=29",
	};

	CHECK(genl_map_parse_spec(m, "ovs_flow=29"));
	CHECK(name_is(m, 29, "ovs_flow"));
	CHECK(genl_map_parse_spec(m, "ovs_vport=0x1E"));
	CHECK(name_is(m, 0x1e, "ovs_vport"));
	CHECK(genl_map_parse_spec(m, "x=65535"));
	CHECK(name_is(m, 65535, "x"));
	CHECK(genl_map_parse_spec(m, "y=010"));	/* decimal, not octal */
	CHECK(name_is(m, 10, "y"));
	/* a space inside a name: the kernel's "802.15.4 MAC" */
	CHECK(genl_map_parse_spec(m, "802.15.4 MAC=11"));
	CHECK(name_is(m, 11, "802.15.4 MAC"));
	{	/* and through the text a pcapng stores (-w): written %20 */
		char *text = genl_map_to_text(m);
		struct genl_map *m2 = genl_map_new();
		CHECK(text && strstr(text, "0xb 802.15.4%20MAC "));
		CHECK(m2 && text && genl_map_from_text(m2, text, GENL_SRC_FILE) > 0);
		CHECK(m2 && name_is(m2, 11, "802.15.4 MAC"));
		genl_map_free(m2);
		free(text);
	}
	unsigned before = genl_map_count(m);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (genl_map_parse_spec(m, bad[i])) {
			fprintf(stderr, "accepted bad spec '%s'\n", bad[i]);
			CHECK(0);
		}
	}
	CHECK(genl_map_count(m) == before);
	genl_map_free(m);
}

static char load_err[512];

static int load_text(struct genl_map *m, const char *text)
{
	char *copy = strdup(text);
	int n;

	if (!copy)
		return -2;
	n = genl_map_load_text(m, copy, strlen(text), "f.map", load_err, sizeof(load_err));
	free(copy);
	return n;
}

static void test_load_formats(void)
{
	struct genl_map *m = genl_map_new();

	CHECK(load_text(m, "# comment\n\novs_flow=0x1d\novs_vport 30\n31 ovs_packet\n"
			   "  ovs_meter=32   # trailing comment\n") == 4);
	CHECK(name_is(m, 0x1d, "ovs_flow"));
	CHECK(name_is(m, 30, "ovs_vport"));
	CHECK(name_is(m, 31, "ovs_packet"));
	CHECK(name_is(m, 32, "ovs_meter"));
	CHECK(fam(m, 32)->src == GENL_SRC_USER);
	genl_map_free(m);

	m = genl_map_new();
	CHECK(load_text(m, "ovs_flow=oops\n") < 0);
	CHECK(load_text(m, "just_a_name\n") < 0);
	CHECK(load_text(m, "a b\n") < 0);
	CHECK(load_text(m, "ovs_flow 29 extra\n") < 0);
	CHECK(load_text(m, "") == 0);
	genl_map_free(m);

	/* `genl ctrl list` blocks; an unreadable Name must not lend its
	 * predecessor's name to the next ID line */
	m = genl_map_new();
	CHECK(load_text(m, "\nName: fam_a\n\tID: 0x20  Version: 0x1  header size: 4  max attribs: 3 \n"
			   "\tcommands supported: \n\t\t#1:  ID-0x1 \n\t\tCapabilities (0xe):\n"
			   " \t\t  can doit; can dumpit; has policy\n\n"
			   "\tmulticast groups:\n\t\t#1:  ID-0x5  name: events \n\n"
			   "Name: fam_b\nName: name_longer_than_thirty_two_characters\n\tID: 0x21  Version: 0x1\n") == 1);
	CHECK(name_is(m, 0x20, "fam_a"));
	CHECK(name_is(m, 0x21, NULL));
	CHECK(name_is(m, 1, NULL) && name_is(m, 5, NULL));
	genl_map_free(m);
}

static int load_bytes(struct genl_map *m, const char *text, size_t n)
{
	char *copy = malloc(n + 1);
	int r;

	if (!copy)
		return -2;
	memcpy(copy, text, n);
	r = genl_map_load_text(m, copy, n, "f.map", load_err, sizeof(load_err));
	free(copy);
	return r;
}

/* map file errors: line-precise, escaped, and nothing loaded */
static void test_load_errors(void)
{
	struct genl_map *m = genl_map_new();
	char big[2048];

	/* a comment of any length stays a comment (a 512-byte line buffer
	 * once turned its tail into a mapping) */
	memset(big, 'x', sizeof(big));
	big[0] = '#';
	memcpy(big + 511, "evil=0x40\n", 10);	/* just past 511 bytes */
	memcpy(big + 521, "good=0x41\n", 10);
	CHECK(load_bytes(m, big, 531) == 1);
	CHECK(name_is(m, 0x40, NULL) && name_is(m, 0x41, "good"));
	genl_map_free(m);

	m = genl_map_new();
	/* a NUL does not cut a line silently */
	CHECK(load_bytes(m, "a=1\nbad\0=0x42\n", 15) < 0);
	CHECK(!strcmp(load_err, "f.map:2: NUL byte in the line"));
	/* one id, two names; one name, two ids: the later line is named */
	CHECK(load_text(m, "a=0x20\nb 0x21\n# c\n0x20 c\n") < 0);
	CHECK(!strcmp(load_err, "f.map:4: id 0x20 is c here but a on line 1"));
	CHECK(load_text(m, "a=0x20\nb 0x21\nb=0x22\na 0x20\n") < 0);
	CHECK(!strcmp(load_err, "f.map:3: b is 0x22 here but 0x21 on line 2"));
	/* the same line twice is no contradiction */
	CHECK(load_text(m, "a=0x20\na 32\n") == 2);
	/* a bad line: its number, its text escaped */
	CHECK(load_text(m, "\n\nok=1\nbad\x1b[0m 1 2\n") < 0);
	CHECK(!strcmp(load_err, "f.map:4: expected NAME=ID, NAME ID or ID NAME (ID 0..65535, "
		      "NAME 1..31 printable bytes), got 'bad\\x1b[0m 1 2'"));
	/* a failed load changes nothing */
	CHECK(name_is(m, 0x21, NULL) && name_is(m, 1, NULL));
	CHECK(name_is(m, 0x20, "a"));
	genl_map_free(m);
}

/* the real `genl ctrl list` of the genl_ctrl capture's boot */
static void test_load_ctrl_list(const char *path)
{
	static const struct { uint16_t id; const char *name; } want[] = {
		{ 0x10, "nlctrl" }, { 0x11, "VFS_DQUOT" }, { 0x13, "thermal" },
		{ 0x14, "ethtool" }, { 0x15, "devlink" }, { 0x1d, "SEG6" },
		{ 0x20, "nl80211" }, { 0x21, "ovs_datapath" }, { 0x23, "ovs_flow" },
		{ 0x27, "wireguard" }, { 0x2a, "NET_DM" },
	};
	struct genl_map *m = genl_map_new();
	int n = genl_map_load_file(m, path, load_err, sizeof(load_err));

	CHECK(n == 26);
	CHECK(genl_map_count(m) == 26);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		if (!name_is(m, want[i].id, want[i].name)) {
			fprintf(stderr, "id 0x%x: got %s, want %s\n", want[i].id,
				name_of(m, want[i].id) ? name_of(m, want[i].id) : "(none)",
				want[i].name);
			CHECK(0);
		}
	}
	CHECK(name_is(m, 0x12, NULL));	/* not in the list */
	/* ids inside a family's block (ops, groups) are not families */
	CHECK(name_is(m, 0x1, NULL) && name_is(m, 0x2, NULL));
	CHECK(fam(m, 0x23)->src == GENL_SRC_USER);
	/* the details on the ID line: "Version: 0x1  header size: 4  max attribs: 11" */
	CHECK(fam(m, 0x23)->have_hdrsize && fam(m, 0x23)->hdrsize == 4 &&
	      fam(m, 0x23)->version == 1 && fam(m, 0x23)->maxattr == 11);
	CHECK(fam(m, 0x10)->version == 2 && fam(m, 0x20)->maxattr == 325);
	genl_map_free(m);
}

static void test_learning(void)
{
	struct nlstate st = { 0 };
	struct buf b;
	static const uint32_t gid[] = { 7, 8 };
	static const char *const gname[] = { "config", "scan" };
	char gb[80];

	st.genl = genl_map_new();

	/* NEWFAMILY (reply or notification) maps id -> name and details */
	ctrl_msg(&b, 1, 0x1d, "ovs_flow", 1, 4, 0, NULL, NULL);
	learn(&st, &b, 0x2);	/* NLM_F_MULTI: a dump reply */
	CHECK(name_is(st.genl, 0x1d, "ovs_flow"));
	const struct genl_family *f = genl_map_get(st.genl, 0x1d);
	CHECK(f && f->version == 1 && f->hdrsize == 4 && f->have_hdrsize && f->maxattr == 7);
	CHECK(f && f->src == GENL_SRC_CAPTURE);

	/* a request never teaches (GETFAMILY by name; or a crafted NEWFAMILY) */
	ctrl_msg(&b, 1, 0x30, "fake", 1, 0, 0, NULL, NULL);
	learn(&st, &b, 0x1);
	CHECK(name_is(st.genl, 0x30, NULL));
	/* GETFAMILY is not a mapping either */
	ctrl_msg(&b, 3, 0x31, "fake", 1, 0, 0, NULL, NULL);
	learn(&st, &b, 0);
	CHECK(name_is(st.genl, 0x31, NULL));

	/* multicast groups */
	ctrl_msg(&b, 1, 0x20, "nl80211", 1, 0, 2, gid, gname);
	learn(&st, &b, 0);
	CHECK(genl_map_group(st.genl, 8, gb, sizeof(gb)) && !strcmp(gb, "nl80211/scan"));
	CHECK(fam(st.genl, 0x20)->ngroups == 2);
	/* NEWMCAST_GRP adds one */
	static const uint32_t gid3[] = { 9 };
	static const char *const gname3[] = { "mlme" };
	ctrl_msg(&b, 7, 0x20, "nl80211", 1, 0, 1, gid3, gname3);
	learn(&st, &b, 0);
	CHECK(fam(st.genl, 0x20)->ngroups == 3);
	CHECK(genl_map_group(st.genl, 9, gb, sizeof(gb)) && !strcmp(gb, "nl80211/mlme"));
	/* DELMCAST_GRP removes it */
	ctrl_msg(&b, 8, 0x20, "nl80211", 1, 0, 1, gid3, gname3);
	learn(&st, &b, 0);
	CHECK(fam(st.genl, 0x20)->ngroups == 2);
	CHECK(genl_map_group(st.genl, 9, gb, sizeof(gb)) == NULL);
	/* a new NEWFAMILY lists all groups: the old list is replaced */
	ctrl_msg(&b, 1, 0x20, "nl80211", 1, 0, 1, gid, gname);
	learn(&st, &b, 0);
	CHECK(fam(st.genl, 0x20)->ngroups == 1);
	CHECK(genl_map_group(st.genl, 8, gb, sizeof(gb)) == NULL);
	CHECK(genl_map_group(st.genl, 7, gb, sizeof(gb)) && !strcmp(gb, "nl80211/config"));
	CHECK(genl_map_group(st.genl, 12345, gb, sizeof(gb)) == NULL);

	/* nlctrl's own reply refreshes the fixed entry's groups */
	static const uint32_t gid_n[] = { 0x10 };
	static const char *const gname_n[] = { "notify" };
	ctrl_msg(&b, 1, 0x10, "nlctrl", 2, 0, 1, gid_n, gname_n);
	learn(&st, &b, 0);
	CHECK(name_is(st.genl, 0x10, "nlctrl"));
	CHECK(fam(st.genl, 0x10)->src == GENL_SRC_FIXED);
	CHECK(genl_map_group(st.genl, 0x10, gb, sizeof(gb)) && !strcmp(gb, "nlctrl/notify"));

	/* DELFAMILY unmaps; an id re-used afterwards is the new family */
	learn_del(&st, 0x1d, "ovs_flow");
	CHECK(name_is(st.genl, 0x1d, NULL));
	learn_new(&st, 0x1d, "SEG6");
	CHECK(name_is(st.genl, 0x1d, "SEG6"));
	CHECK(fam(st.genl, 0x1d)->have_hdrsize &&
	      fam(st.genl, 0x1d)->hdrsize == 0);
	/* re-use without a DELFAMILY seen: the latest NEWFAMILY wins */
	learn_new(&st, 0x1d, "IOAM6");
	CHECK(name_is(st.genl, 0x1d, "IOAM6"));

	/* nlctrl's id cannot be taken over by the capture */
	learn_new(&st, 0x10, "evil");
	CHECK(name_is(st.genl, 0x10, "nlctrl"));
	learn_del(&st, 0x10, "nlctrl");
	CHECK(name_is(st.genl, 0x10, "nlctrl"));

	/* a malformed NEWFAMILY (no name, bad id length) teaches nothing */
	b.n = 0;
	{
		uint8_t hdr[4] = { 1, 2, 0, 0 };
		put(&b, hdr, 4);
		attr_u32(&b, 1, 0x40);	/* FAMILY_ID of 4 bytes: wrong */
		attr_str(&b, 2, "bad");
	}
	learn(&st, &b, 0);
	CHECK(name_is(st.genl, 0x40, NULL));

	genl_map_free(st.genl);
}

static void test_user_vs_capture(void)
{
	struct nlstate st = { 0 };

	st.genl = genl_map_new();
	CHECK(genl_map_parse_spec(st.genl, "mine=0x1d"));
	learn_new(&st, 0x1d, "ovs_flow");
	CHECK(name_is(st.genl, 0x1d, "mine"));
	learn_del(&st, 0x1d, "mine");
	CHECK(name_is(st.genl, 0x1d, "mine"));
	/* the same family named by both: the capture adds details */
	CHECK(genl_map_parse_spec(st.genl, "ovs_vport=0x1e"));
	{
		struct buf b;
		ctrl_msg(&b, 1, 0x1e, "ovs_vport", 1, 4, 0, NULL, NULL);
		learn(&st, &b, 0);
	}
	CHECK(fam(st.genl, 0x1e)->have_hdrsize && fam(st.genl, 0x1e)->hdrsize == 4);
	CHECK(fam(st.genl, 0x1e)->src == GENL_SRC_USER);
	genl_map_free(st.genl);
}

/* The pre-pass (st.learning) keeps the first mapping of each id and
 * ignores deletes; the streaming pass follows the capture in order. */
static void test_prepass_vs_streaming(void)
{
	struct nlstate st = { 0 };

	/* the capture: 0x1d = A, DELFAMILY, 0x1d = B */
	st.genl = genl_map_new();
	st.learning = true;
	learn_new(&st, 0x1d, "fam_a");
	learn_del(&st, 0x1d, "fam_a");
	learn_new(&st, 0x1d, "fam_b");
	learn_new(&st, 0x1e, "fam_c");
	st.learning = false;
	/* before the first ctrl reply, 0x1d already reads as A */
	CHECK(name_is(st.genl, 0x1d, "fam_a"));
	CHECK(name_is(st.genl, 0x1e, "fam_c"));
	/* then the streaming pass */
	learn_new(&st, 0x1d, "fam_a");
	CHECK(name_is(st.genl, 0x1d, "fam_a"));
	learn_del(&st, 0x1d, "fam_a");
	CHECK(name_is(st.genl, 0x1d, NULL));
	learn_new(&st, 0x1d, "fam_b");
	CHECK(name_is(st.genl, 0x1d, "fam_b"));
	genl_map_free(st.genl);

	/* the same without the pre-pass: nothing is known up front */
	st.genl = genl_map_new();
	CHECK(name_is(st.genl, 0x1d, NULL));
	learn_new(&st, 0x1d, "fam_a");
	CHECK(name_is(st.genl, 0x1d, "fam_a"));
	genl_map_free(st.genl);

	/* first_only at the map level */
	struct genl_map *m = genl_map_new();
	CHECK(genl_map_set(m, 0x22, "first", GENL_SRC_CAPTURE, true) != NULL);
	CHECK(genl_map_set(m, 0x22, "second", GENL_SRC_CAPTURE, true) == NULL);
	CHECK(name_is(m, 0x22, "first"));
	CHECK(genl_map_set(m, 0x22, "second", GENL_SRC_CAPTURE, false) != NULL);
	CHECK(name_is(m, 0x22, "second"));
	genl_map_free(m);

	/* the pre-pass does not override the user either */
	st.genl = genl_map_new();
	CHECK(genl_map_parse_spec(st.genl, "mine=0x1d"));
	st.learning = true;
	learn_new(&st, 0x1d, "fam_a");
	st.learning = false;
	CHECK(name_is(st.genl, 0x1d, "mine"));
	genl_map_free(st.genl);
}

int main(int argc, char **argv)
{
	test_basics();
	test_user_override();
	test_parse_spec();
	test_load_formats();
	test_load_errors();
	if (argc > 1)
		test_load_ctrl_list(argv[1]);
	else
		CHECK(!"no genl ctrl list file given");
	test_learning();
	test_user_vs_capture();
	test_prepass_vs_streaming();
	printf("test_genlmap: %d checks, %d failed\n", checks, failures);
	return failures ? 1 : 0;
}
