/* fuzz_frame.c - libFuzzer entry point over raw captured frames.
 *
 * Input layout:
 *   byte 0: bits 0-1 link type (NETLINK 253, LINUX_SLL 113, LINUX_SLL2 276,
 *           NETLINK again), bits 2-3 output mode (line, tree, JSON, count),
 *           bit 4 -n, bit 5 -x, bit 6 learn first (the pre-pass), bit 7
 *           decode the frame twice (state carried over)
 *   byte 1: bits 0-5 bytes declared beyond the captured ones (caplen < len),
 *           bits 6-7 time format
 *   rest:   the frame, link-layer header included
 *
 * Generic netlink ids from 0x20 up name the registry's families, then the
 * built-in specs (the loops below).
 * Each run decodes with fresh state through capture_strip() and
 * nl_decode_frame(), the real emitter writing to /dev/null; the second
 * decode (bit 7) with a field sink that aborts on an event whose span is
 * not inside the frame or whose path is not a C string of its length.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture.h"
#include "emit.h"
#include "fuzz.h"
#include "genlmap.h"
#include "ifmap.h"
#include "strset.h"
#include "nftset.h"
#include "nlcore.h"
#include "registry.h"
#include "spec.h"
#include "state.h"
#include "ynl.h"

static FILE *devnull;
/* the built-in specs, kept across runs: a family's tables are built on its
 * first message and never change afterwards */
static struct spec_reg *specs;

struct fuzz_sink {
	struct nl_fsink fs;
	size_t frame_len;
};

static void fuzz_field(void *arg, const struct nl_field_ev *ev)
{
	const struct fuzz_sink *s = arg;

	if (s->fs.base + ev->off + ev->len > s->frame_len || ev->off < ev->hdr ||
	    strlen(ev->path) != ev->pathlen || !ev->kind || (ev->raw && ev->rawlen > ev->len))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int linktypes[4] = {
		LINKTYPE_NETLINK, LINKTYPE_LINUX_SLL, LINKTYPE_LINUX_SLL2, LINKTYPE_NETLINK,
	};
	static const enum nl_time_fmt tfmts[4] = { NLT_NONE, NLT_DEFAULT, NLT_DELTA, NLT_EPOCH };

	if (size < 2)
		return 0;
	if (!devnull) {
		devnull = fopen("/dev/null", "w");
		specs = spec_reg_new(nl_dissector_for_genl);
		if (!devnull || !specs)
			abort();
		spec_reg_hooks(specs, &ynl_hooks);	/* as the tool runs */
	}
	uint8_t sel = data[0], sel2 = data[1];
	int linktype = linktypes[sel & 3];
	enum emit_mode mode = (enum emit_mode)((sel >> 2) & 3);
	size_t caplen = size - 2;
	size_t len = caplen + (sel2 & 0x3f);

	/* an exact-size copy: reads past the captured bytes hit the redzone */
	uint8_t *pkt = malloc(caplen ? caplen : 1);
	if (!pkt)
		return 0;
	if (caplen)
		memcpy(pkt, data + 2, caplen);

	struct nl_frame f = { .no = 1, .sec = 1700000000, .nsec = 123456000 };
	const char *bad = capture_strip(linktype, pkt, (uint32_t)caplen, (uint32_t)len, &f);
	if (!bad) {
		struct nlstate st = { 0 };
		struct emitter e;
		struct nl_opts o = { .tfmt = tfmts[sel2 >> 6], .hex = (sel & 0x20) != 0 };

		st.genl = genl_map_new();
		/* every generic netlink family of the registry (but the fixed
		 * nlctrl) gets an id, from 0x20 up in the registry's order: a new
		 * family needs no line here.  The Open vSwitch families come
		 * first, so their ids are those of ovs.pcap, ovs_vswitchd.pcap
		 * and mixed.pcap, and seeds from those reach the OVS dissectors. */
		unsigned next_id = 0x20;
		for (unsigned i = 0; st.genl && i < nl_ndissectors; i++) {
			const char *name = nl_dissectors[i]->genl_family;
			const struct genl_family *ctrl = genl_map_get(st.genl, 0x10);
			char spec[80];
			if (!name || (ctrl && !strcmp(ctrl->name, name)))
				continue;
			snprintf(spec, sizeof(spec), "%s=0x%x", name, next_id++);
			genl_map_parse_spec(st.genl, spec);
		}
		/* then every family of the built-in specs, in their order */
		for (unsigned i = 0; st.genl && i < spec_nbuiltin; i++) {
			char spec[80];
			if (spec_builtin[i].overlay || nl_dissector_for_genl(spec_builtin[i].name))
				continue;
			snprintf(spec, sizeof(spec), "%s=0x%x", spec_builtin[i].name, next_id++);
			genl_map_parse_spec(st.genl, spec);
		}
		st.specs = specs;
		if (st.genl) {
			if (sel & 0x40) {
				st.learning = true;
				nl_learn_frame(&st, &f);
				st.learning = false;
			}
			o.numeric = (sel & 0x10) != 0;
			nl_core_init(&st, &o);
			emit_init(&e, mode, devnull);
			e.numeric = o.numeric;
			e.hexdump = o.hex;
			nl_decode_frame(&st, &e, &f);
			if (sel & 0x80) {
				struct fuzz_sink fs = { .fs = { .field = fuzz_field },
							.frame_len = f.len };
				fs.fs.arg = &fs;
				st.fs = &fs.fs;
				f.no = 2;
				nl_decode_frame(&st, &e, &f);
				st.fs = NULL;
			}
			emit_fini(&e);
			genl_map_free(st.genl);
			ifmap_free(st.ifnames);
			strset_free(st.strsets);
			nftset_free(st.nftsets);
		}
	}
	free(pkt);
	return 0;
}
