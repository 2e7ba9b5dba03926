/* stats_txn.c - the reports of the transactions (txn.h) in --stats and
 * -z: txn (requests and answers counted), dumps, latency (percentiles
 * per request type), unanswered (the requests never answered).  Written
 * by the table writer of stats_report.c, in the text tables or the one
 * JSON document with the other reports. */
#include <stdlib.h>
#include <string.h>

#include "stats_priv.h"
#include "txn.h"

/* the pairing's totals; false when there was no pairing (out of memory) */
static bool totals(const struct stats_ctx *c, struct txn_totals *tot)
{
	if (!c->st->txn)
		return false;
	txn_totals(c->st->txn, tot);
	return true;
}

/* an object's members: values, or null for each when there are none */
static void kv_list(struct stats_out *o, const char *const *keys, const uint64_t *v,
		    unsigned n, bool have)
{
	for (unsigned i = 0; i < n; i++)
		if (have)
			so_kv_u64(o, keys[i], v[i]);
		else
			so_kv_null(o, keys[i]);
}

void stats_sec_txn(const struct stats_ctx *c, struct stats_out *o)
{
	static const char *const keys[] = {
		"requests", "answered", "unanswered", "no_answer_wanted", "notified",
		"answers", "unmatched", "ambiguous", "evicted",
	};
	struct txn_totals t = { 0 };
	bool have = totals(c, &t);
	const uint64_t v[] = {
		t.requests, t.answered, t.unanswered, t.no_answer_wanted, t.notified,
		t.answers, t.unmatched, t.ambiguous, t.evicted,
	};

	so_object_begin(o, "txn", "transactions: requests and their answers");
	kv_list(o, keys, v, sizeof(v) / sizeof(v[0]), have);
	so_end(o);
}

void stats_sec_dumps(const struct stats_ctx *c, struct stats_out *o)
{
	static const char *const keys[] = { "dumps", "done", "interrupted", "without_done" };
	struct txn_totals t = { 0 };
	bool have = totals(c, &t);
	const uint64_t v[] = { t.dumps, t.dumps_done, t.dumps_intr, t.dumps_no_done };

	so_object_begin(o, "dumps", "dumps: answered by parts and a DONE");
	kv_list(o, keys, v, sizeof(v) / sizeof(v[0]), have);
	so_end(o);
}

#define NPCTS 4

struct lat_row {
	const char *name;
	uint64_t n;
	double us[NPCTS];
};

static int cmp_lat(const void *a, const void *b)
{
	const struct lat_row *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->name, y->name);
}

void stats_sec_latency(const struct stats_ctx *c, struct stats_out *o)
{
	static const struct stats_col cols[] = {
		{ "request", "request", false }, { "count", "count", true },
		{ "p50_us", "p50 us", true }, { "p90_us", "p90 us", true },
		{ "p99_us", "p99 us", true }, { "max_us", "max us", true },
	};
	static const unsigned pcts[NPCTS] = { 50, 90, 99, 100 };
	struct lat_row *v = calloc(TXN_TYPES, sizeof(*v));
	size_t n = 0;

	so_table_begin(o, "latency", "request to its last answer, by request type", cols, 6);
	for (unsigned i = 0; v && c->st->txn && n < TXN_TYPES &&
	     txn_type_latency(c->st->txn, i, &v[n].name, &v[n].n, pcts, NPCTS, v[n].us); i++)
		if (v[n].n)
			n++;
	if (n)
		qsort(v, n, sizeof(v[0]), cmp_lat);
	for (size_t i = 0; i < n; i++) {
		so_str(o, v[i].name);
		so_u64(o, v[i].n);
		for (unsigned k = 0; k < NPCTS; k++)
			so_us(o, v[i].us[k]);
	}
	struct txn_totals t;
	if (totals(c, &t) && t.latency_others) {	/* past TXN_TYPES types */
		so_str(o, "others");
		so_u64(o, t.latency_others);
		for (unsigned k = 0; k < NPCTS; k++)
			so_str(o, NULL);
	}
	so_end(o);
	free(v);
}

void stats_sec_unanswered(const struct stats_ctx *c, struct stats_out *o)
{
	static const struct stats_col cols[] = {
		{ "request", "request", false }, { "frame", "frame", true },
		{ "index", "index", true },
	};
	struct txn_totals t = { 0 };

	so_table_begin(o, "unanswered", "requests never answered (the first 64, oldest first)",
		       cols, 3);
	totals(c, &t);
	for (unsigned i = 0; i < t.nlisted; i++) {
		so_str(o, t.unanswered_name[i]);
		so_u64(o, t.unanswered_frames[i]);
		so_u64(o, t.unanswered_index[i]);
	}
	so_end(o);
}
