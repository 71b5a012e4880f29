/* libyaml alone: pulls every event of a YAML file and prints the count and the time, as a floor
 * for benchmarks/yaml/run.sh. Build: cc -O2 benchmarks/yaml/libyaml_events.c -lyaml -o /tmp/events
 * Input: the same text as ParseBenchmarkTests (write it with any script, or any large YAML file). */
#include <yaml.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
int main(int argc,char**argv){ FILE*f=fopen(argv[1],"rb"); fseek(f,0,SEEK_END); long n=ftell(f); fseek(f,0,SEEK_SET); unsigned char*buf=malloc(n); fread(buf,1,n,f);
struct timespec a,b; clock_gettime(CLOCK_MONOTONIC,&a);
yaml_parser_t p; yaml_parser_initialize(&p); yaml_parser_set_input_string(&p,buf,n);
yaml_event_t e; long k=0; while(1){ if(!yaml_parser_parse(&p,&e)) return 1; int t=e.type; yaml_event_delete(&e); k++; if(t==YAML_STREAM_END_EVENT)break;}
clock_gettime(CLOCK_MONOTONIC,&b); printf("%ld events %.3f s\n",k,(b.tv_sec-a.tv_sec)+(b.tv_nsec-a.tv_nsec)*1e-9);}
