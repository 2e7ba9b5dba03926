/* stats_ovsflow.c - the report section ovs-flows (-z ovs-flows, and
 * --stats when the capture had OVS flows or upcalls): each flow kept by
 * ovsflow.c with its install, the upcall that caused it, its statistics
 * reads, modifications, delete and recirculations; then the upcalls'
 * figures. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ovsflow.h"
#include "stats_priv.h"

#define RECIRC_LISTED 8	/* flows listed after one recirc(N) */

/* "recirc(0x2)->#1203,#1250": the flows of the same datapath whose key
 * matches recirc_id N, by the frame that installed them */
static void recirc_cell(const struct ovsflow *of, const struct ovsf_info *f, char *buf,
			size_t n)
{
	size_t at = 0;
	struct ovsf_info g;

	buf[0] = 0;
	for (unsigned r = 0; r < f->nrecirc; r++) {
		at += (size_t)snprintf(buf + at, n - at, "%srecirc(%#x)->", r ? " " : "",
				       f->recirc[r]);
		unsigned listed = 0;
		for (unsigned j = 0; at < n && ovsflow_get(of, j, &g); j++) {
			if (!g.has_recirc_id || g.recirc_id != f->recirc[r] || g.dp != f->dp)
				continue;
			if (listed++ == RECIRC_LISTED) {
				at += (size_t)snprintf(buf + at, n - at, ",...");
				break;
			}
			at += (size_t)snprintf(buf + at, n - at, "%s#%llu", listed > 1 ? "," : "",
					       (unsigned long long)g.frame);
		}
		if (!listed && at < n)
			at += (size_t)snprintf(buf + at, n - at, "none");
		if (at >= n)
			break;
	}
}

/* the time as the JSON "time" of a message writes it (UTC) */
static const char *iso_time(char *b, size_t n, int64_t sec, uint32_t nsec)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char d[32];

	if (!gmtime_r(&t, &tm) || !strftime(d, sizeof(d), "%Y-%m-%dT%H:%M:%S", &tm))
		snprintf(d, sizeof(d), "%lld", (long long)sec);
	snprintf(b, n, "%s.%06uZ", d, nsec / 1000);
	return b;
}

/* a number, or none ("-", null) */
static void opt_u64(struct stats_out *o, bool have, uint64_t v)
{
	if (have)
		so_u64(o, v);
	else
		so_str(o, NULL);
}

void stats_sec_ovs_flows(const struct stats_ctx *c, struct stats_out *o)
{
	static const struct stats_col cols[] = {
		{ "dp", "dp", true },
		{ "origin", "origin", false }, { "frame", "frame", true },
		{ "time", "time", false }, { "upcall_frame", "upcall", true },
		{ "upcall_ambiguous", "ambiguous", false }, { "reads", "reads", true },
		{ "packets", "packets", true }, { "bytes", "bytes", true },
		{ "sets", "sets", true }, { "deleted_frame", "deleted", true },
		{ "final_packets", "final packets", true }, { "final_bytes", "final bytes", true },
		{ "recirc", "recirculates to", false }, { "flow", "flow", false },
	};
	const struct ovsflow *of = c->st->ovsflow;
	struct ovsf_totals t;
	struct ovsf_info f;
	char b[48], rc[256];

	ovsflow_totals(of, &t);
	if (c->every && !t.upcalls && !ovsflow_get(of, 0, &f))
		return;		/* --stats: not an OVS capture */
	so_table_begin(o, "ovs-flows", "OVS flows by UFID or key, in the order seen", cols,
		       sizeof(cols) / sizeof(cols[0]));
	for (unsigned i = 0; ovsflow_get(of, i, &f); i++) {
		so_u64(o, f.dp);
		so_str(o, f.origin == OVSF_INSTALLED ? "installed" : "already");
		so_u64(o, f.frame);
		so_str(o, iso_time(b, sizeof(b), f.sec, f.nsec));
		opt_u64(o, f.upcall_frame != 0, f.upcall_frame);
		so_str(o, f.upcall_ambiguous ? "yes" : NULL);
		so_u64(o, f.reads);
		so_u64(o, f.packets);
		so_u64(o, f.bytes);
		so_u64(o, f.sets);
		opt_u64(o, f.del_frame != 0, f.del_frame);
		opt_u64(o, f.have_final, f.final_packets);
		opt_u64(o, f.have_final, f.final_bytes);
		recirc_cell(of, &f, rc, sizeof(rc));
		so_str(o, rc[0] ? rc : NULL);
		so_str(o, f.name);
	}
	so_end(o);
	so_object_begin(o, "ovs-upcalls", "OVS upcalls, installs and executes linked");
	so_kv_u64(o, "upcalls", t.upcalls);
	so_kv_u64(o, "upcalls_linked", t.upcalls_linked);
	so_kv_u64(o, "upcalls_unlinked_evicted", t.upcalls_evicted);
	so_kv_u64(o, "upcalls_key_too_long", t.upcalls_key_cut);
	so_kv_u64(o, "installs", t.installs);
	so_kv_u64(o, "installs_linked", t.installs_linked);
	so_kv_u64(o, "ambiguous", t.ambiguous);
	so_kv_u64(o, "executes", t.executes);
	so_kv_u64(o, "executes_linked", t.executes_linked);
	so_kv_u64(o, "flows_evicted", t.flows_evicted);
	so_end(o);
}
