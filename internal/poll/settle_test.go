package poll

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

var errMaybe = fmt.Errorf("%w: connection reset", transport.ErrMaybeCommitted)

func TestSettleReturnsWhatTheReadFindsWithoutResending(t *testing.T) {
	sends := 0
	got, err := Settle(context.Background(), Options{Interval: time.Millisecond}, "create",
		func(context.Context, int) (string, error) { sends++; return "", errMaybe },
		func(context.Context) (string, bool, error) { return "created", true, nil })
	if err != nil || got != "created" || sends != 1 {
		t.Fatalf("got %q err %v sends %d", got, err, sends)
	}
}

func TestSettleResendsOnlyAfterAbsenceIsConfirmed(t *testing.T) {
	var attempts []int
	reads := 0
	start := time.Now()
	got, err := Settle(context.Background(), Options{Interval: time.Millisecond, Confirm: 300 * time.Millisecond}, "create",
		func(_ context.Context, attempt int) (string, error) {
			attempts = append(attempts, attempt)
			if attempt == 1 {
				return "", errMaybe
			}
			return "second", nil
		},
		func(context.Context) (string, bool, error) { reads++; return "", false, nil })
	if err != nil || got != "second" || len(attempts) != 2 || attempts[1] != 2 {
		t.Fatalf("got %q err %v attempts %v", got, err, attempts)
	}
	if reads < 2 || time.Since(start) < 300*time.Millisecond {
		t.Errorf("absence believed after %d reads in %s; want reads over the 300ms confirm window", reads, time.Since(start))
	}
}

func TestSettleLaggingReadIsNotAbsence(t *testing.T) {
	reads, sends := 0, 0
	got, err := Settle(context.Background(), Options{Interval: time.Millisecond, Confirm: 5 * time.Second}, "create",
		func(context.Context, int) (string, error) { sends++; return "", errMaybe },
		func(context.Context) (string, bool, error) { reads++; return "late", reads == 3, nil })
	if err != nil || got != "late" || sends != 1 {
		t.Fatalf("got %q err %v sends %d", got, err, sends)
	}
}

func TestSettleOtherErrorsAreFinal(t *testing.T) {
	refused := errors.New("400 bad request")
	sends := 0
	_, err := Settle(context.Background(), Options{}, "create",
		func(context.Context, int) (string, error) { sends++; return "", refused },
		func(context.Context) (string, bool, error) { t.Fatal("read"); return "", false, nil })
	if !errors.Is(err, refused) || sends != 1 {
		t.Fatalf("err %v sends %d", err, sends)
	}
}

func TestSettleIsBoundedByTime(t *testing.T) {
	start := time.Now()
	_, err := Settle(context.Background(), Options{Timeout: 200 * time.Millisecond, Interval: 10 * time.Millisecond}, "create",
		func(context.Context, int) (string, error) { return "", errMaybe },
		func(context.Context) (string, bool, error) { return "", false, nil })
	if !errors.Is(err, transport.ErrMaybeCommitted) || !strings.Contains(err.Error(), "not applied after") {
		t.Fatalf("err %v", err)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Fatalf("took %s", el)
	}
}

func TestSettleReadErrorIsReported(t *testing.T) {
	_, err := Settle(context.Background(), Options{}, "create",
		func(context.Context, int) (string, error) { return "", errMaybe },
		func(context.Context) (string, bool, error) { return "", false, errors.New("403 forbidden") })
	if !errors.Is(err, transport.ErrMaybeCommitted) || !strings.Contains(err.Error(), "403 forbidden") {
		t.Fatalf("err %v", err)
	}
}
