i=1
while [ "$i" -le 12 ]; do
  [ $((i % 4)) -eq 0 ] && echo "$((i * i))"
  i=$((i + 1))
done
