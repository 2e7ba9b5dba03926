/* run.h - the driver: a file run or a live run, from parsed options to the
 * exit status. */
#ifndef NLDUMP_RUN_H
#define NLDUMP_RUN_H

#include "options.h"

struct genl_map;

/* Run what o asks for; genl (the -G / --genl-map ids) is the run's from
 * here on.  Returns the exit status. */
struct spec_reg;
int nldump_run(const struct nldump_opts *o, struct genl_map *genl, struct spec_reg *specs);

#endif
