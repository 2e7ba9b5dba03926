/* main.c - nldump: decode and pretty-print Linux netlink captures.
 *
 * The layers (docs/hacking.md): options.c parses the command line, run.c
 * (the driver) runs a file or a live capture, frames.c folds copies and
 * feeds the netlink core (nlmsg.c), which calls the dissectors and the
 * attribute engine, which describe what they decode to the emitter. */
#include <stdio.h>

#include "genlmap.h"
#include "options.h"
#include "registry.h"
#include "run.h"
#include "spec.h"
#include "ynl.h"

int main(int argc, char **argv)
{
	struct nldump_opts o;
	struct genl_map *genl = genl_map_new();	/* -G and --genl-map fill it */
	struct spec_reg *specs = spec_reg_new(nl_dissector_for_genl);	/* the built-in specs, --spec */

	if (!genl || !specs) {
		fputs("nldump: out of memory\n", stderr);
		genl_map_free(genl);
		spec_reg_free(specs);
		return 3;
	}
	spec_reg_hooks(specs, &ynl_hooks);	/* what the specs cannot say */
	int rc = options_parse(argc, argv, &o, genl, specs);
	if (rc >= 0) {
		genl_map_free(genl);
		spec_reg_free(specs);
		return rc;
	}
	return nldump_run(&o, genl, specs);
}
