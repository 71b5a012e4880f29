// GEMM layout variants of the VAE's products: for each shape, op(A)·op(B) with every transposition
// (n/t for A and B) and the same product computed as Cᵀ (T prefix), GFLOP/s over thread CPU time,
// best of N rounds (default 8). Build: cc -O2 gemm_shapes.c -o gemm_shapes $(pkg-config --cflags --libs openblas)
// Run: OPENBLAS_NUM_THREADS=1 ./gemm_shapes [rounds]
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static double now(void){struct timespec t;clock_gettime(CLOCK_THREAD_CPUTIME_ID,&t);return t.tv_sec+t.tv_nsec*1e-9;}
// C(m x n) = op(A) op(B), k inner. variant: ta, tb, ct (compute C^T instead = op(B)^T op(A)^T)
static double bench(int m,int n,int k,int ta,int tb,int ct,float beta){
  float*a=malloc(4*m*k),*b=malloc(4*k*n),*c=malloc(4*m*n);
  for(int i=0;i<m*k;i++)a[i]=(i%7)*0.1f; for(int i=0;i<k*n;i++)b[i]=(i%5)*0.1f; for(int i=0;i<m*n;i++)c[i]=0;
  double best=1e9; int reps = (int)(2e8/(2.0*m*n*k))+1;
  for(int r=0;r<2;r++){double t0=now();
    for(int i=0;i<reps;i++){
      if(!ct){ int lda=ta?m:k, ldb=tb?k:n;
        cblas_sgemm(CblasRowMajor,ta?CblasTrans:CblasNoTrans,tb?CblasTrans:CblasNoTrans,m,n,k,1,a,lda,b,ldb,beta,c,n);}
      else { // C^T (n x m) = op(B)^T op(A)^T ; B stored as before: if tb, B is n x k (row-major) else k x n
        // op(B)^T: if tb: B (n x k) -> NoTrans; else B(k x n) -> Trans
        int ldb=tb?k:n, lda=ta?m:k;
        cblas_sgemm(CblasRowMajor,tb?CblasNoTrans:CblasTrans,ta?CblasNoTrans:CblasTrans,n,m,k,1,b,ldb,a,lda,beta,c,m);}
    }
    double t=(now()-t0)/reps; if(t<best)best=t;}
  free(a);free(b);free(c); return 2.0*m*n*k/best/1e9;}
int main(int argc,char**argv){
  int shapes[][3]={{128,512,784},{512,784,128},{128,784,512},{128,256,512},{256,512,128},{128,512,256},
                   {128,784,512},{784,512,128},{128,512,784}};
  const char*names[]={"enc1 fwd","enc1 dW","(enc1 dx)","enc2 fwd","enc2 dW","enc2 dx","dec3 fwd","dec3 dW","dec3 dx"};
  static double best[9][8]; int rounds=argc>1?atoi(argv[1]):8;
  for(int r=0;r<rounds;r++) for(int s=0;s<9;s++) for(int v=0;v<8;v++){
      double g=bench(shapes[s][0],shapes[s][1],shapes[s][2],(v>>1)&1,v&1,v>>2,0); if(g>best[s][v])best[s][v]=g;}
  for(int s=0;s<9;s++){ printf("%-10s m=%4d n=%4d k=%4d:",names[s],shapes[s][0],shapes[s][1],shapes[s][2]);
    for(int v=0;v<8;v++) printf(" %s%c%c=%5.1f",(v>>2)?"T":"",((v>>1)&1)?'t':'n',(v&1)?'t':'n',best[s][v]);
    printf("\n");}
}
