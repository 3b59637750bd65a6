// Go clientv3 counterpart of SemanticsLoad's watch phase: puts paced at a fixed rate on 1 ms ticks, one
// goroutine per put, a prefix watch (optionally with prev_kv); prints ack -> event latency per round.
package main

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.etcd.io/etcd/clientv3"
)

func main() {
	ep := flag.String("endpoint", "127.0.0.1:2379", "")
	rate := flag.Int("rate", 5000, "")
	n := flag.Int("n", 20000, "")
	rounds := flag.Int("rounds", 6, "")
	prev := flag.Bool("prev", false, "")
	flag.Parse()
	cli, err := clientv3.New(clientv3.Config{Endpoints: []string{*ep}, DialTimeout: 5 * time.Second})
	if err != nil {
		panic(err)
	}
	defer cli.Close()
	val := strings.Repeat("x", 150)
	for r := 0; r < *rounds; r++ {
		prefix := fmt.Sprintf("/paced%d/", r)
		acked := make([]time.Time, *n)
		heard := make([]time.Time, *n)
		ctx, cancel := context.WithCancel(context.Background())
		opts := []clientv3.OpOption{clientv3.WithPrefix()}
		if *prev {
			opts = append(opts, clientv3.WithPrevKV())
		}
		wch := cli.Watch(ctx, prefix, opts...)
		done := make(chan struct{})
		go func() {
			got := 0
			for resp := range wch {
				now := time.Now()
				for _, ev := range resp.Events {
					i, _ := strconv.Atoi(strings.TrimPrefix(string(ev.Kv.Key), prefix))
					heard[i] = now
					got++
				}
				if got >= *n {
					close(done)
					return
				}
			}
		}()
		time.Sleep(200 * time.Millisecond)
		interval := time.Second / time.Duration(*rate)
		begin := time.Now()
		var wg sync.WaitGroup
		i := 0
		for i < *n {
			el := time.Since(begin)
			time.Sleep(time.Millisecond - el%time.Millisecond)
			now := time.Since(begin)
			for ; i < *n && time.Duration(i)*interval <= now; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					if _, err := cli.Put(context.Background(), prefix+strconv.Itoa(i), val); err != nil {
						panic(err)
					}
					acked[i] = time.Now()
				}(i)
			}
		}
		wg.Wait()
		<-done
		cancel()
		lat := make([]float64, *n)
		var end time.Time
		for i := range lat {
			d := heard[i].Sub(acked[i]).Seconds() * 1000
			if d < 0 {
				d = 0
			}
			lat[i] = d
			if heard[i].After(end) {
				end = heard[i]
			}
		}
		sort.Float64s(lat)
		fmt.Printf("| go clientv3 paced put | %d | %d | %.0f | %.3f | %.3f | %.3f |\n", *rate, *n,
			float64(*n)/end.Sub(begin).Seconds(), lat[*n/2], lat[*n*99/100-1], lat[*n-1])
	}
}
